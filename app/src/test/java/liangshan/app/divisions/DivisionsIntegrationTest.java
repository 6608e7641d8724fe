package liangshan.app.divisions;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import liangshan.app.support.IntegrationTest;
import org.springframework.context.annotation.Import;

/** {@link IntegrationTest} plus the temporary stand-ins {@link DivisionsTestSupport} and {@link DivisionsTestSecurity}. */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@IntegrationTest
@Import({DivisionsTestSupport.class, DivisionsTestSecurity.class})
public @interface DivisionsIntegrationTest {}
