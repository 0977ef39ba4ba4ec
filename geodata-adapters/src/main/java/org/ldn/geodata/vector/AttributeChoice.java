package org.ldn.geodata.vector;

import java.util.List;
import java.util.Locale;
import org.ldn.core.InputException;

/**
 * Finds the requested id and name attributes among a file's attribute names: an exact match first, else the only
 * match ignoring case (Shapefile and SQLite names are case-insensitive in practice).
 *
 * @param idIndex   index of the id attribute in the file's list
 * @param nameIndex index of the name attribute, or -1 when names are the ids
 */
record AttributeChoice(int idIndex, int nameIndex) {

    static AttributeChoice resolve(String file, List<String> available, ZoneFileOptions options) {
        int id = find(file, available, options.idAttribute(), "id");
        int name = options.nameAttribute() == null ? -1 : find(file, available, options.nameAttribute(), "name");
        return new AttributeChoice(id, name);
    }

    private static int find(String file, List<String> available, String wanted, String role) {
        int exact = available.indexOf(wanted);
        if (exact >= 0) {
            return exact;
        }
        int found = -1;
        for (int i = 0; i < available.size(); i++) {
            if (available.get(i).toLowerCase(Locale.ROOT).equals(wanted.toLowerCase(Locale.ROOT))) {
                if (found >= 0) {
                    found = -2;
                    break;
                }
                found = i;
            }
        }
        if (found >= 0) {
            return found;
        }
        throw new InputException(file + ": no attribute '" + wanted + "' for the zone " + role + " (available: "
                + (available.isEmpty() ? "none" : String.join(", ", available)) + ")");
    }
}
