package liangshan.app.divisions.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import liangshan.app.support.IntegrationTest;
import liangshan.app.web.ApiException;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;

/** Rejections of the read API (rendered as problem+json by the web module). */
@IntegrationTest
class DivisionQueriesIntegrationTest {

    @Autowired
    DivisionQueries queries;

    private static void rejects(ThrowingCallable call, HttpStatus status, String code) {
        assertThatThrownBy(call).isInstanceOfSatisfying(ApiException.class, e -> {
            assertThat(e.status()).isEqualTo(status);
            assertThat(e.code()).isEqualTo(code);
        });
    }

    @Test
    void unknownAndMalformedCodesLevelsAndPagesAreRejected() {
        rejects(() -> queries.detail("330899999999"), HttpStatus.NOT_FOUND, "divisions.not-found");
        rejects(() -> queries.detail("33080"), HttpStatus.BAD_REQUEST, "divisions.bad-code");
        rejects(() -> queries.detail("abcdef"), HttpStatus.BAD_REQUEST, "divisions.bad-code");
        rejects(() -> queries.list("province", null, null, 0, 50), HttpStatus.BAD_REQUEST, "divisions.bad-level");
        rejects(() -> queries.list(null, "330899", null, 0, 50), HttpStatus.NOT_FOUND, "divisions.not-found");
        rejects(() -> queries.list(null, null, null, -1, 50), HttpStatus.BAD_REQUEST, "divisions.bad-page");
        rejects(() -> queries.list(null, null, null, 0, 501), HttpStatus.BAD_REQUEST, "divisions.bad-page");
        rejects(() -> queries.map("city", null), HttpStatus.BAD_REQUEST, "divisions.bad-level");
        rejects(() -> queries.map("village", "3308x"), HttpStatus.BAD_REQUEST, "divisions.bad-code");
    }

    @Test
    void pagesCoverAllVillagesOfACountyWithoutRepetition() {
        var page0 = queries.list("village", "330824", null, 0, 100);
        var all = new java.util.TreeSet<String>();
        for (int p = 0; p * 100 < page0.total(); p++) {
            queries.list("village", "330824", null, p, 100).items().forEach(i -> all.add(i.code()));
        }
        assertThat((long) all.size()).isEqualTo(page0.total());
        assertThat(all).allMatch(c -> c.startsWith("330824") && c.length() == 12);
        assertThat(queries.list("village", "330824", null, 1000, 100).items()).isEmpty();
    }
}
