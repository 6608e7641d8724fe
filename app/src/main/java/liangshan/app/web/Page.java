package liangshan.app.web;

import java.util.List;

/**
 * One page of a list answer: {@code ?page=0&size=50} (size at most 500).
 *
 * @param items the rows of this page
 * @param page zero-based page number
 * @param size requested page size
 * @param total number of rows over all pages
 */
public record Page<T>(List<T> items, int page, int size, long total) {

    public static final int MAX_SIZE = 500;

    public Page {
        items = List.copyOf(items);
    }
}
