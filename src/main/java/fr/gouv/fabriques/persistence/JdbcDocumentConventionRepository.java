package fr.gouv.fabriques.persistence;

import fr.gouv.fabriques.application.port.DocumentConventionRepository;
import fr.gouv.fabriques.domain.DocumentConvention;
import fr.gouv.fabriques.domain.FichierConvention;
import fr.gouv.fabriques.domain.NatureDocumentConvention;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class JdbcDocumentConventionRepository implements DocumentConventionRepository {

    static final String DESCRIPTION = "dossier_id, nature, sha256, taille, nom_original, signataire, cree_le";

    private final JdbcClient jdbc;

    JdbcDocumentConventionRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void ajouter(FichierConvention fichier) {
        DocumentConvention d = fichier.description();
        jdbc.sql("""
                insert into document_convention (dossier_id, nature, contenu, sha256, taille, nom_original, signataire, cree_le)
                values (?, ?, ?, ?, ?, ?, ?, ?)
                """).param(d.dossierId()).param(d.nature().name()).param(fichier.contenu()).param(d.sha256())
                .param((int) d.taille()).param(d.nomOriginal()).param(d.signataire()).param(Timestamp.from(d.creeLe())).update();
    }

    @Override
    public Optional<DocumentConvention> description(long dossierId, NatureDocumentConvention nature) {
        return jdbc.sql("select " + DESCRIPTION + " from document_convention where dossier_id = ? and nature = ?")
                .param(dossierId).param(nature.name()).query(JdbcDocumentConventionRepository::lire).optional();
    }

    @Override
    public List<DocumentConvention> descriptions(long dossierId) {
        return jdbc.sql("select " + DESCRIPTION + " from document_convention where dossier_id = ? order by cree_le, id")
                .param(dossierId).query(JdbcDocumentConventionRepository::lire).list();
    }

    @Override
    public Optional<FichierConvention> fichier(long dossierId, NatureDocumentConvention nature) {
        return jdbc.sql("select " + DESCRIPTION + ", contenu from document_convention where dossier_id = ? and nature = ?")
                .param(dossierId).param(nature.name())
                .query((rs, i) -> new FichierConvention(lire(rs, i), rs.getBytes("contenu"))).optional();
    }

    /** Also read by {@link JdbcFicheDossierRepository}. */
    static DocumentConvention lire(ResultSet rs, int i) throws SQLException {
        return new DocumentConvention(rs.getLong("dossier_id"), NatureDocumentConvention.valueOf(rs.getString("nature")),
                rs.getString("sha256"), rs.getInt("taille"), rs.getString("nom_original"), rs.getString("signataire"),
                rs.getTimestamp("cree_le").toInstant());
    }
}
