package org.ldn.cli.run;

import java.io.Serializable;
import java.nio.file.Path;
import org.ldn.core.InputException;

/**
 * What a batch runs: one run file's inputs for every feature (country) of a boundary file, optionally with the
 * sub-national units of a second boundary file whose {@code parentField} holds the country's id. Paths are as the
 * user gave them (relative to the working directory); the reports record them so. Plain strings, so that a
 * distributed job can ship the plan to its workers.
 *
 * @param runFile          the run file whose inputs, periods and options every country uses
 * @param zonesFile        the countries' boundary file
 * @param idField          attribute of a country's id (also its output folder's name)
 * @param nameField        attribute of a country's name, or null for the id
 * @param layer            GeoPackage layer of the countries, or null
 * @param subzonesFile     the sub-national units' boundary file, or null
 * @param subzoneIdField   attribute of a unit's id (required with subzonesFile)
 * @param subzoneNameField attribute of a unit's name, or null for the id
 * @param subzoneLayer     GeoPackage layer of the units, or null
 * @param parentField      attribute of a unit holding its country's id (required with subzonesFile)
 * @param out              the output folder: one folder per country inside it
 */
public record BatchPlan(String runFile, String zonesFile, String idField, String nameField, String layer,
        String subzonesFile, String subzoneIdField, String subzoneNameField, String subzoneLayer, String parentField,
        String out) implements Serializable {
    private static final long serialVersionUID = 1L;

    public BatchPlan {
        if (runFile == null || zonesFile == null || idField == null || out == null) {
            throw new InputException("a batch needs a run file, --zones, --id-field and an output folder");
        }
        if (subzonesFile == null && (subzoneIdField != null || parentField != null || subzoneNameField != null
                || subzoneLayer != null)) {
            throw new InputException("--subzone-id-field, --subzone-name-field, --subzone-layer and --parent-field"
                    + " go with --subzones (give the sub-national boundary file)");
        }
        if (subzonesFile != null && (subzoneIdField == null || parentField == null)) {
            throw new InputException("--subzones needs --subzone-id-field (the units' ids) and --parent-field (the"
                    + " attribute holding each unit's country id)");
        }
    }

    /** A plan without sub-national units. */
    public static BatchPlan countries(String runFile, String zonesFile, String idField, String nameField,
            String layer, String out) {
        return new BatchPlan(runFile, zonesFile, idField, nameField, layer, null, null, null, null, null, out);
    }

    public Path outPath() {
        return Path.of(out);
    }
}
