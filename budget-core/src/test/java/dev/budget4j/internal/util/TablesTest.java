package dev.budget4j.internal.util;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class TablesTest {
    private static final List<String[]> ROWS = List.of(
            new String[] {"dimension", "limit", "observed"},
            new String[] {"p99", "5ms", "12.3ms"},
            new String[] {"errors", "0.1%", ""});

    @Test
    void columnsAreAlignedTwoSpacesApartWithoutTrailingSpace() {
        assertEquals("""
                dimension  limit  observed
                p99        5ms    12.3ms
                errors     0.1%
                """, Tables.render(ROWS));
    }

    @Test
    void everyLineCarriesTheIndent() {
        assertEquals("""
                  dimension  limit  observed
                  p99        5ms    12.3ms
                  errors     0.1%
                """, Tables.render(ROWS, "  "));
    }

    @Test
    void aRowOfAnotherWidthIsRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Tables.render(List.of(new String[] {"a", "b"}, new String[] {"c"})));
        assertEquals("row length must be 2 like the header's, but was 1", e.getMessage());
    }
}
