package liangshan.app.web;

import java.util.ArrayList;
import java.util.List;
import org.springframework.http.HttpStatus;

/**
 * A validated {@code ?page=&size=} pair. Controllers take both as {@code Integer} request parameters
 * (absent means default) and call {@link #of}; every problem is reported at once as a 400 problem
 * {@code request.invalid-paging}.
 *
 * @param page zero-based page number, at least 0
 * @param size rows per page, 1 to {@link Page#MAX_SIZE}
 */
public record PageRequest(int page, int size) {

    public static final int DEFAULT_SIZE = 50;

    public PageRequest {
        if (page < 0 || size < 1 || size > Page.MAX_SIZE) {
            throw new IllegalArgumentException("page " + page + " size " + size);
        }
    }

    /** Validates user input; {@code null} page means 0, {@code null} size means {@link #DEFAULT_SIZE}. */
    public static PageRequest of(Integer page, Integer size) {
        List<ApiException.FieldProblem> problems = new ArrayList<>();
        int p = page == null ? 0 : page;
        int s = size == null ? DEFAULT_SIZE : size;
        if (p < 0) {
            problems.add(new ApiException.FieldProblem("page", "request.page-negative", null, null));
        }
        if (s < 1 || s > Page.MAX_SIZE) {
            problems.add(new ApiException.FieldProblem("size", "request.size-out-of-range", null, null));
        }
        if (!problems.isEmpty()) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "request.invalid-paging", problems);
        }
        return new PageRequest(p, s);
    }

    /** Rows to skip: {@code page × size}. */
    public long offset() {
        return (long) page * size;
    }

    /** Wraps one page of rows answered for this request. */
    public <T> Page<T> toPage(List<T> items, long total) {
        return new Page<>(items, page, size, total);
    }
}
