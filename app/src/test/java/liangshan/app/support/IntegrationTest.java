package liangshan.app.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;

/**
 * A full application context on a random port against the shared real PostgreSQL
 * ({@link SharedTestDatabase}). Use with {@code @LocalServerPort} and a real HTTP client, or inject
 * beans directly.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ContextConfiguration(initializers = SharedTestDatabase.class)
@ActiveProfiles("test")
public @interface IntegrationTest {}
