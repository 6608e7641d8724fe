package liangshan.app.platform.internal;

import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.stereotype.Component;

/** Prints where the platform can be reached, once the web server listens. */
@Component
class StartupBanner implements ApplicationListener<WebServerInitializedEvent> {

    @Override
    public void onApplicationEvent(WebServerInitializedEvent event) {
        int port = event.getWebServer().getPort();
        System.out.println();
        System.out.println("两山 Liangshan 已启动 / is running: http://localhost:" + port + "/");
        System.out.println();
    }
}
