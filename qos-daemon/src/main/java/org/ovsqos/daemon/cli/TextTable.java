package org.ovsqos.daemon.cli;

import java.util.ArrayList;
import java.util.List;
import org.ovsqos.daemon.admin.Printable;

/**
 * A plain-text table for the terminal: columns padded to their widest cell, numbers
 * right-aligned, two spaces apart. Cells are escaped ({@link Printable}): they carry names from
 * OVSDB, where an interface may be called anything, ESC sequences and newlines included.
 */
final class TextTable {
    record Column(String header, boolean rightAligned) {}

    private final List<Column> columns;
    private final List<List<String>> rows = new ArrayList<>();

    TextTable(List<Column> columns) {
        this.columns = List.copyOf(columns);
    }

    void add(List<String> cells) {
        if (cells.size() != columns.size()) {
            throw new IllegalArgumentException("expected " + columns.size() + " cells, got " + cells.size());
        }
        rows.add(cells.stream().map(Printable::escape).toList());
    }

    String render() {
        int[] widths = new int[columns.size()];
        for (int c = 0; c < columns.size(); c++) {
            widths[c] = columns.get(c).header().length();
            for (List<String> row : rows) {
                widths[c] = Math.max(widths[c], row.get(c).length());
            }
        }
        StringBuilder out = new StringBuilder();
        line(out, columns.stream().map(Column::header).toList(), widths);
        for (List<String> row : rows) {
            line(out, row, widths);
        }
        return out.toString();
    }

    private void line(StringBuilder out, List<String> cells, int[] widths) {
        StringBuilder line = new StringBuilder();
        for (int c = 0; c < cells.size(); c++) {
            if (c > 0) {
                line.append("  ");
            }
            String cell = cells.get(c);
            String pad = " ".repeat(widths[c] - cell.length());
            line.append(columns.get(c).rightAligned() ? pad + cell : cell + pad);
        }
        out.append(line.toString().stripTrailing()).append('\n');
    }
}
