package org.digilit.account;

/**
 * How far a running import has read its file, for the progress bar: bytes read against the file's size (the row
 * count of a streamed file is not known before its end), and rows so far. Written by the import's thread, read by the
 * view's polling.
 */
public final class ImportProgress {

    private final long totalBytes;
    private volatile long bytesRead;
    private volatile int rows;

    public ImportProgress(long totalBytes) {
        this.totalBytes = Math.max(1, totalBytes);
    }

    /** Between 0 and 1. */
    public double fraction() {
        return Math.min(1.0, (double) bytesRead / totalBytes);
    }

    public int rows() {
        return rows;
    }

    void read(long bytes) {
        this.bytesRead = bytes;
    }

    void rows(int count) {
        this.rows = count;
    }
}
