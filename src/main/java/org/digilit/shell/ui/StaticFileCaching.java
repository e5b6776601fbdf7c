package org.digilit.shell.ui;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A year in the browser's cache for Vaadin's bundle files (issue #21, DD015). Every file under {@code /VAADIN/build/}
 * carries a hash of its content in its name (Vite's output), so a new release brings new names and a cached file never
 * goes stale; Vaadin itself marks them for an hour only, which made a returning phone ask again after an hour. The
 * filter sets {@code Cache-Control: public, max-age=31536000, immutable} and keeps Vaadin's own value from replacing
 * it; an error answer (a file that does not exist) is not cached.
 */
@Configuration(proxyBeanMethods = false)
class StaticFileCaching {

    static final String HASHED_FILES = "/VAADIN/build/*";
    static final String IMMUTABLE = "public, max-age=31536000, immutable";

    @Bean
    FilterRegistrationBean<ImmutableHashedFiles> immutableHashedFiles() {
        var registration = new FilterRegistrationBean<>(new ImmutableHashedFiles());
        registration.addUrlPatterns(HASHED_FILES);
        // Before Spring Security's chain, so that its default no-cache headers see a Cache-Control already set.
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }

    static final class ImmutableHashedFiles extends OncePerRequestFilter {

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            response.setHeader("Cache-Control", IMMUTABLE);
            chain.doFilter(request, new KeepCacheControl(response));
        }
    }

    /** Ignores later Cache-Control, Expires and Pragma headers; an error answer drops the year-long caching. */
    private static final class KeepCacheControl extends HttpServletResponseWrapper {

        KeepCacheControl(HttpServletResponse response) {
            super(response);
        }

        private static boolean caching(String name) {
            return "Cache-Control".equalsIgnoreCase(name)
                    || "Expires".equalsIgnoreCase(name)
                    || "Pragma".equalsIgnoreCase(name);
        }

        @Override
        public void setHeader(String name, String value) {
            if (!caching(name)) {
                super.setHeader(name, value);
            }
        }

        @Override
        public void addHeader(String name, String value) {
            if (!caching(name)) {
                super.addHeader(name, value);
            }
        }

        @Override
        public void setDateHeader(String name, long date) {
            if (!caching(name)) {
                super.setDateHeader(name, date);
            }
        }

        @Override
        public void addDateHeader(String name, long date) {
            if (!caching(name)) {
                super.addDateHeader(name, date);
            }
        }

        @Override
        public void setStatus(int status) {
            super.setStatus(status);
            if (status >= 400) {
                super.setHeader("Cache-Control", "no-store");
            }
        }

        @Override
        public void sendError(int status) throws IOException {
            super.setHeader("Cache-Control", "no-store");
            super.sendError(status);
        }

        @Override
        public void sendError(int status, String message) throws IOException {
            super.setHeader("Cache-Control", "no-store");
            super.sendError(status, message);
        }
    }
}
