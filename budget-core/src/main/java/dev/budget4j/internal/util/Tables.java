package dev.budget4j.internal.util;

import java.util.List;

/**
 * Plain-text tables with aligned columns, for verdicts, gate reports and the ladder: every cell
 * left-aligned, two spaces between columns, no trailing white space.
 *
 * <p>Shared by budget-core and, through a qualified export, by the budget4j modules built on it;
 * it is not API and may change in any release.
 */
public final class Tables {
    private Tables() {
    }

    /**
     * Renders a table.
     *
     * @param rows the rows, the first one the header; every row has as many cells as the header
     * @return the table, one line per row, each ending in a line feed
     */
    public static String render(List<String[]> rows) {
        return render(rows, "");
    }

    /**
     * Renders a table with every line indented, for a table nested under a heading.
     *
     * @param rows   the rows, the first one the header; every row has as many cells as the header
     * @param indent put before every line, such as two spaces
     * @return the table, one line per row, each ending in a line feed
     */
    public static String render(List<String[]> rows, String indent) {
        Require.notEmpty(rows, "rows");
        int columns = rows.get(0).length;
        int[] widths = new int[columns];
        for (String[] row : rows) {
            Require.that(row.length == columns, "row length", "must be " + columns + " like the header's",
                    row.length);
            for (int i = 0; i < columns; i++) {
                widths[i] = Math.max(widths[i], row[i].length());
            }
        }
        StringBuilder out = new StringBuilder();
        for (String[] row : rows) {
            StringBuilder line = new StringBuilder(indent);
            for (int i = 0; i < columns; i++) {
                line.append(row[i]);
                if (i < columns - 1) {
                    line.append(" ".repeat(widths[i] - row[i].length() + 2));
                }
            }
            out.append(line.toString().stripTrailing()).append('\n');
        }
        return out.toString();
    }
}
