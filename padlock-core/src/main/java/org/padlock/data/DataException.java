package org.padlock.data;

/**
 * Bad input data: names the file, the data row (1-based, header excluded; 0 when the rule is
 * about the whole file or column), the column and the rule broken. Maps to exit code 3.
 */
public final class DataException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final String file;
    private final long row;
    private final String column;
    private final String rule;

    /**
     * @param file   the file (or table) name
     * @param rowIndex zero-based data-row index, or a negative number when not about one row
     * @param column the column, or {@code null}
     * @param rule   what is wrong, including the value found
     */
    public DataException(String file, long rowIndex, String column, String rule) {
        super(format(file, rowIndex, column, rule));
        this.file = file;
        this.row = rowIndex < 0 ? 0 : rowIndex + 1;
        this.column = column;
        this.rule = rule;
    }

    private static String format(String file, long rowIndex, String column, String rule) {
        StringBuilder sb = new StringBuilder();
        sb.append(file == null ? "<data>" : file);
        if (rowIndex >= 0) {
            // data row k sits on line k+1 of a file with one header line
            sb.append(": row ").append(rowIndex + 1).append(" (line ").append(rowIndex + 2).append(")");
        }
        if (column != null) {
            sb.append(", column '").append(column).append("'");
        }
        sb.append(": ").append(rule);
        return sb.toString();
    }

    public String file() {
        return file;
    }

    /** One-based data row, 0 when the rule is about the whole file or column. */
    public long row() {
        return row;
    }

    public String column() {
        return column;
    }

    public String rule() {
        return rule;
    }
}
