package dev.budget4j.kernel;

import dev.budget4j.kernel.internal.Args;

import java.util.Arrays;

/**
 * A dense row-major matrix of {@code float}s held in one heap array, so that every backend
 * (including the native one, through heap memory segments) reads it in place without a copy.
 *
 * <p>Element {@code (r, c)} lives at {@code data()[r * cols() + c]}. The matrix is mutable
 * through {@link #data()} and {@link #set(int, int, float)}; it is not thread-safe for
 * concurrent writes. Kernels only read their input matrices.
 */
public final class FloatMatrix {

    private final int rows;
    private final int cols;
    private final float[] data;

    /**
     * A zero-filled matrix.
     *
     * @param rows number of rows, {@code >= 0}
     * @param cols number of columns, {@code >= 0}
     * @throws IllegalArgumentException when a size is negative or {@code rows * cols} exceeds
     *                                  {@link Integer#MAX_VALUE}
     */
    public FloatMatrix(int rows, int cols) {
        this(new float[checkedSize(rows, cols)], rows, cols);
    }

    private FloatMatrix(float[] data, int rows, int cols) {
        this.rows = rows;
        this.cols = cols;
        this.data = data;
    }

    /**
     * Wraps an existing row-major array; the matrix and the caller share it (no copy).
     *
     * @param data row-major values, length exactly {@code rows * cols}
     * @param rows number of rows, {@code >= 0}
     * @param cols number of columns, {@code >= 0}
     * @return a matrix backed by {@code data}
     * @throws NullPointerException     when {@code data} is null
     * @throws IllegalArgumentException when a size is negative or {@code data.length != rows * cols}
     */
    public static FloatMatrix of(float[] data, int rows, int cols) {
        Args.notNull(data, "data");
        int size = checkedSize(rows, cols);
        Args.that(data.length == size, "data.length", "must be rows * cols (" + rows + " * " + cols + " = " + size + ")",
                data.length);
        return new FloatMatrix(data, rows, cols);
    }

    private static int checkedSize(int rows, int cols) {
        Args.atLeast(rows, 0, "rows");
        Args.atLeast(cols, 0, "cols");
        long size = (long) rows * cols;
        Args.that(size <= Integer.MAX_VALUE, "rows * cols", "must be <= " + Integer.MAX_VALUE, size);
        return (int) size;
    }

    /**
     * Number of rows.
     *
     * @return rows, {@code >= 0}
     */
    public int rows() {
        return rows;
    }

    /**
     * Number of columns (the length of each row).
     *
     * @return columns, {@code >= 0}
     */
    public int cols() {
        return cols;
    }

    /**
     * The backing row-major array itself, not a copy: writes to it change the matrix.
     *
     * @return the array of length {@code rows() * cols()}
     */
    public float[] data() {
        return data;
    }

    /**
     * A copy of one row.
     *
     * @param row row index, in {@code [0, rows())}
     * @return a new array of length {@code cols()}
     * @throws IllegalArgumentException when {@code row} is out of range
     */
    public float[] row(int row) {
        checkRow(row);
        return Arrays.copyOfRange(data, row * cols, row * cols + cols);
    }

    /**
     * One element.
     *
     * @param row row index, in {@code [0, rows())}
     * @param col column index, in {@code [0, cols())}
     * @return the value at {@code (row, col)}
     * @throws IllegalArgumentException when an index is out of range
     */
    public float get(int row, int col) {
        checkRow(row);
        checkCol(col);
        return data[row * cols + col];
    }

    /**
     * Sets one element.
     *
     * @param row   row index, in {@code [0, rows())}
     * @param col   column index, in {@code [0, cols())}
     * @param value the new value
     * @throws IllegalArgumentException when an index is out of range
     */
    public void set(int row, int col, float value) {
        checkRow(row);
        checkCol(col);
        data[row * cols + col] = value;
    }

    private void checkRow(int row) {
        Args.that(row >= 0 && row < rows, "row", "must be in [0, " + rows + ")", row);
    }

    private void checkCol(int col) {
        Args.that(col >= 0 && col < cols, "col", "must be in [0, " + cols + ")", col);
    }

    @Override
    public String toString() {
        return "FloatMatrix[" + rows + " x " + cols + "]";
    }
}
