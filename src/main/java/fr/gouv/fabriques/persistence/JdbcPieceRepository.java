package fr.gouv.fabriques.persistence;

import fr.gouv.fabriques.application.port.PieceRepository;
import fr.gouv.fabriques.domain.CategoriePiece;
import fr.gouv.fabriques.domain.Piece;
import fr.gouv.fabriques.domain.TypePiece;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

@Repository
class JdbcPieceRepository implements PieceRepository {

    /** Everything but the content: listing pieces never reads the bytes. */
    static final String META = "select id, dossier_id, nom_original, type_mime, taille, sha256, categorie, depose_le from piece ";

    private final JdbcClient jdbc;

    JdbcPieceRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void reserverDossier(long dossierId) {
        // « no key update »: serializes the uploads of one dossier without blocking the inserts of
        // other tables that reference it (their foreign keys take « key share » locks).
        jdbc.sql("select id from dossier where id = ? for no key update").param(dossierId).query(Long.class).single();
    }

    @Override
    public List<Piece> parDossier(long dossierId) {
        return jdbc.sql(META + "where dossier_id = ? order by depose_le, id").param(dossierId).query(JdbcPieceRepository::piece).list();
    }

    @Override
    public Optional<Piece> parEmpreinte(long dossierId, String sha256) {
        return jdbc.sql(META + "where dossier_id = ? and sha256 = ?").param(dossierId).param(sha256)
                .query(JdbcPieceRepository::piece).optional();
    }

    @Override
    public long tailleTotale(long dossierId) {
        return jdbc.sql("select coalesce(sum(taille), 0) from piece where dossier_id = ?").param(dossierId).query(Long.class).single();
    }

    @Override
    public Piece ajouter(long dossierId, String nom, TypePiece type, String sha256, CategoriePiece categorie, byte[] contenu, Instant le) {
        KeyHolder cle = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into piece (dossier_id, nom_original, type_mime, taille, sha256, contenu, categorie, depose_le)
                values (?, ?, ?, ?, ?, ?, ?, ?)
                """)
                .param(dossierId).param(nom).param(type.mime()).param((long) contenu.length).param(sha256).param(contenu)
                .param(categorie.name()).param(Timestamp.from(le))
                .update(cle, "id");
        return new Piece(cle.getKey().longValue(), dossierId, nom, type, contenu.length, sha256, categorie, le);
    }

    @Override
    public Optional<Contenu> contenu(long dossierId, long pieceId) {
        return jdbc.sql("select id, dossier_id, nom_original, type_mime, taille, sha256, categorie, depose_le, contenu "
                        + "from piece where dossier_id = ? and id = ?")
                .param(dossierId).param(pieceId)
                .query((rs, i) -> new Contenu(piece(rs, i), rs.getBytes("contenu"))).optional();
    }

    /** Also read by {@link JdbcFicheDossierRepository} (the META columns). */
    static Piece piece(ResultSet rs, int ligne) throws SQLException {
        String mime = rs.getString("type_mime");
        return new Piece(rs.getLong("id"), rs.getLong("dossier_id"), rs.getString("nom_original"),
                TypePiece.parMime(mime).orElseThrow(() -> new IllegalStateException("type de pièce inconnu en base : " + mime)),
                rs.getLong("taille"), rs.getString("sha256"), CategoriePiece.valueOf(rs.getString("categorie")),
                rs.getTimestamp("depose_le").toInstant());
    }
}
