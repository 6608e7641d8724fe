package liangshan.app.platform.internal;

import java.time.Clock;
import java.time.ZoneId;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The one clock of the platform; domain code takes a {@link Clock} and never calls {@code now()} bare. */
@Configuration(proxyBeanMethods = false)
class ClockConfiguration {

    /** Quzhou local time (Asia/Shanghai, UTC+8). */
    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    @Bean
    Clock clock() {
        return Clock.system(ZONE);
    }
}
