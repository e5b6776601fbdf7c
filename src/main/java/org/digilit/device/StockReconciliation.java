package org.digilit.device;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A point's stock: received = handed over + in stock + defective + recycled. {@code inStock} counts devices on the shelf
 * (an in-stock device the last stocktake did not find is not on the shelf: it is listed in {@code missing}). A
 * non-zero {@code mismatch} is shown, never hidden.
 */
public record StockReconciliation(
        long pointId,
        long received,
        long handedOver,
        long inStock,
        long defective,
        long recycled,
        @Nullable Instant lastStocktake,
        List<String> missing) {

    public StockReconciliation {
        missing = List.copyOf(missing);
    }

    public long mismatch() {
        return received - (handedOver + inStock + defective + recycled);
    }

    public boolean balanced() {
        return mismatch() == 0;
    }
}
