package liangshan.app.web.internal;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * HTTP limits and idempotency settings ({@code liangshan.web.*}).
 *
 * @param maxJsonBody largest accepted non-multipart request body (JSON, GeoJSON …); larger bodies
 *     get 413 {@code request.too-large}. Multipart uploads are limited by
 *     {@code spring.servlet.multipart.*} instead.
 * @param idempotencyTtl how long an {@code Idempotency-Key} and its stored answer are kept
 * @param idempotencyWait how long a duplicate waits for the first request with its key to finish
 *     before it gets 409 {@code idempotency.in-progress}
 */
@ConfigurationProperties(prefix = "liangshan.web")
record WebProperties(DataSize maxJsonBody, Duration idempotencyTtl, Duration idempotencyWait) {

    WebProperties {
        maxJsonBody = maxJsonBody == null ? DataSize.ofMegabytes(10) : maxJsonBody;
        idempotencyTtl = idempotencyTtl == null ? Duration.ofHours(24) : idempotencyTtl;
        idempotencyWait = idempotencyWait == null ? Duration.ofSeconds(10) : idempotencyWait;
    }
}
