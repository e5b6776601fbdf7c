package org.digilit.shell.ui;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A year in the browser's cache for files whose name carries a hash of their content (issue #21, DD015; DD018). Every
 * file under {@code /VAADIN/build/} does (Vite's output), and so do the public pages' style sheets as the pages link
 * them ({@code /styles/public-<md5>.css}, Spring's resource chain, which answers only when the hash matches the file):
 * a new release brings new names, so a cached file never goes stale. Vaadin itself marks its files for an hour only,
 * which made a returning phone ask again after an hour, and the style sheets went without any caching, so a phone asked
 * for both again on every lesson. The filter sets {@code Cache-Control: public, max-age=31536000, immutable} and keeps
 * later values from replacing it; an error answer (a file that does not exist, a stale hash) is not cached. A style
 * sheet asked for by its plain name (Vaadin's own link to the theme) is kept an hour, as when Vaadin served it.
 */
@Configuration(proxyBeanMethods = false)
class StaticFileCaching {

    static final String HASHED_FILES = "/VAADIN/build/*";
    /** Every file of Vaadin's bundle carries its hash (Vite names them so). */
    static final java.util.regex.Pattern BUNDLE_FILE = java.util.regex.Pattern.compile("/VAADIN/build/.+");

    static final String STYLE_SHEETS = "/styles/*";
    static final String STYLE_SHEETS_MAPPED = "/styles/**";
    static final java.time.Duration PLAIN_NAME_CACHE = java.time.Duration.ofHours(1);
    /** A style sheet's name as the resource chain writes it: the file's name, a dash and the MD5 of its content. */
    static final java.util.regex.Pattern HASHED_STYLE_SHEET =
            java.util.regex.Pattern.compile("/styles/[A-Za-z0-9_-]+-[0-9a-f]{32}\\.css");

    static final String IMMUTABLE = "public, max-age=31536000, immutable";

    @Bean
    FilterRegistrationBean<ImmutableHashedFiles> immutableHashedFiles() {
        return immutable("immutableHashedFiles", HASHED_FILES, BUNDLE_FILE);
    }

    /**
     * The style sheets under {@code /styles/} by their plain name and by their content-hashed one. Its own mapping, ahead
     * of Vaadin's, which otherwise takes every path it has no controller for and would answer a hashed name with its
     * page; the hashes are computed once per file and kept. {@link org.springframework.web.servlet.resource.
     * ResourceUrlProvider} finds this mapping, so {@code @{/styles/public.css}} in a page is written hashed.
     */
    @Bean
    org.springframework.web.servlet.handler.SimpleUrlHandlerMapping styleSheetFiles() throws Exception {
        var handler = new org.springframework.web.servlet.resource.ResourceHttpRequestHandler();
        handler.setLocations(List.of(new org.springframework.core.io.ClassPathResource("META-INF/resources/styles/")));
        handler.setResourceResolvers(List.of(
                new org.springframework.web.servlet.resource.CachingResourceResolver(
                        new org.springframework.cache.concurrent.ConcurrentMapCache("style-sheets")),
                new org.springframework.web.servlet.resource.VersionResourceResolver().addContentVersionStrategy("/**"),
                new org.springframework.web.servlet.resource.PathResourceResolver()));
        // A plain name keeps the hour Vaadin gave it when Vaadin served these files (its theme link uses one); without
        // it Spring Security's "no-store" would make every Vaadin page fetch the theme again.
        handler.setCacheControl(org.springframework.http.CacheControl.maxAge(PLAIN_NAME_CACHE));
        handler.afterPropertiesSet();
        return new org.springframework.web.servlet.handler.SimpleUrlHandlerMapping(
                Map.of(STYLE_SHEETS_MAPPED, handler), Ordered.HIGHEST_PRECEDENCE);
    }

    /** Rewrites the links a page writes through {@code @{…}} to the hashed names ({@link #styleSheetFiles}). */
    @Bean
    FilterRegistrationBean<org.springframework.web.servlet.resource.ResourceUrlEncodingFilter> styleSheetLinks() {
        var registration =
                new FilterRegistrationBean<>(new org.springframework.web.servlet.resource.ResourceUrlEncodingFilter());
        registration.setName("styleSheetLinks");
        registration.addUrlPatterns("/*");
        return registration;
    }

    @Bean
    FilterRegistrationBean<ImmutableHashedFiles> immutableStyleSheets() {
        return immutable("immutableStyleSheets", STYLE_SHEETS, HASHED_STYLE_SHEET);
    }

    /**
     * The filter over {@code urlPattern}, caching the paths that match {@code hashed} for a year. Its own name (two
     * registrations of one filter class would otherwise share one, and the second be dropped), and before Spring
     * Security's chain, so that its default no-cache headers see a Cache-Control already set.
     */
    private static FilterRegistrationBean<ImmutableHashedFiles> immutable(
            String name, String urlPattern, java.util.regex.Pattern hashed) {
        var registration = new FilterRegistrationBean<>(new ImmutableHashedFiles(hashed));
        registration.setName(name);
        registration.addUrlPatterns(urlPattern);
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }

    static final class ImmutableHashedFiles extends OncePerRequestFilter {

        /** The paths (within the filter's URL pattern) that carry a content hash. */
        private final java.util.regex.Pattern hashed;

        ImmutableHashedFiles(java.util.regex.Pattern hashed) {
            this.hashed = hashed;
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            if (!hashed.matcher(request.getRequestURI()).matches()) {
                chain.doFilter(request, response);
                return;
            }
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
