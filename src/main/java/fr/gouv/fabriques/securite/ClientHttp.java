package fr.gouv.fabriques.securite;

import jakarta.servlet.http.HttpServletRequest;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.Locale;
import org.springframework.http.HttpHeaders;

/** What the server can tell about the client of a request: its address, whether it is a browser, where the page came from. */
public final class ClientHttp {

    private ClientHttp() {
    }

    /**
     * The client's address, the key of the limits. {@code getRemoteAddr()}: the TCP peer, or the
     * address a trusted proxy put in {@code X-Forwarded-For} only when
     * {@code server.forward-headers-strategy} says so (README). An IPv6 address counts by its
     * /64 network, which one subscriber usually holds whole.
     */
    public static String adresse(HttpServletRequest requete) {
        String brute = requete.getRemoteAddr();
        if (brute == null || brute.indexOf(':') < 0) {
            return brute == null ? "inconnue" : brute;
        }
        try {
            // A literal address: no name lookup.
            InetAddress lue = InetAddress.getByName(brute);
            if (lue instanceof Inet6Address) {
                byte[] octets = Arrays.copyOf(lue.getAddress(), 16);
                Arrays.fill(octets, 8, 16, (byte) 0);
                return InetAddress.getByAddress(octets).getHostAddress() + "/64";
            }
            return lue.getHostAddress();
        } catch (UnknownHostException e) {
            return brute;
        }
    }

    /**
     * A browser, which would show its own login dialog on a Basic challenge: it asked for HTML
     * (a page, a link opened from Tasklist), or sent the {@code Sec-Fetch-*} headers every current
     * browser adds to its requests, scripts included, or the {@code X-Requested-With} of script
     * libraries. curl, the Modeler and other tools send none of these.
     */
    public static boolean navigateur(HttpServletRequest requete) {
        String accept = requete.getHeader(HttpHeaders.ACCEPT);
        return (accept != null && accept.toLowerCase(Locale.ROOT).contains("text/html"))
                || requete.getHeader("Sec-Fetch-Mode") != null
                || requete.getHeader("Sec-Fetch-Site") != null
                || requete.getHeader("X-Requested-With") != null;
    }

    /** The request asked for a page rather than data. */
    public static boolean demandeHtml(HttpServletRequest requete) {
        String accept = requete.getHeader(HttpHeaders.ACCEPT);
        return accept != null && accept.toLowerCase(Locale.ROOT).contains("text/html");
    }

    /**
     * Whether the request may come from another site: an {@code Origin} other than this server's
     * (« null » included), or a browser saying so in {@code Sec-Fetch-Site}. A request without
     * either (curl, the Modeler, a server) is not cross-site.
     */
    public static boolean autreSite(HttpServletRequest requete) {
        String site = requete.getHeader("Sec-Fetch-Site");
        if (site != null && !site.equalsIgnoreCase("same-origin") && !site.equalsIgnoreCase("none")) {
            return true;
        }
        String origine = requete.getHeader(HttpHeaders.ORIGIN);
        return origine != null && !memeOrigine(requete, origine);
    }

    /** An {@code Origin} header equal to this server's own (scheme, host, port). */
    public static boolean origineIdentique(HttpServletRequest requete) {
        String origine = requete.getHeader(HttpHeaders.ORIGIN);
        return origine != null && memeOrigine(requete, origine);
    }

    private static boolean memeOrigine(HttpServletRequest requete, String origine) {
        URI uri;
        try {
            uri = new URI(origine.strip());
        } catch (URISyntaxException e) {
            return false;
        }
        if (uri.getScheme() == null || uri.getHost() == null) {
            return false;
        }
        String schema = uri.getScheme().toLowerCase(Locale.ROOT);
        return schema.equals(requete.getScheme().toLowerCase(Locale.ROOT))
                && uri.getHost().equalsIgnoreCase(requete.getServerName())
                && port(schema, uri.getPort()) == port(requete.getScheme().toLowerCase(Locale.ROOT), requete.getServerPort());
    }

    private static int port(String schema, int port) {
        if (port > 0) {
            return port;
        }
        return "https".equals(schema) ? 443 : 80;
    }
}
