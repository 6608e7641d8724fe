package liangshan.app.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.context.NoSuchMessageException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Renders {@link ApiException}s as RFC 9457 problem+json, in the controller advice and in servlet
 * filters (security, throttling, body limits) alike, so every error of the API has one shape:
 * {@code {type,title,status,detail,code,messageZh,messageEn,requestId,errors[]}}. Title and detail
 * are in the request's language ({@code Accept-Language}; Chinese unless English is preferred);
 * {@code messageZh}/{@code messageEn} always carry both.
 */
@Component
public class Problems {

    /** Base of the {@code type} URI; the code is appended. */
    public static final String TYPE_BASE = "https://liangshan.quzhou/problems/";

    public static final MediaType PROBLEM_JSON = MediaType.APPLICATION_PROBLEM_JSON;
    private static final Locale ZH = Locale.SIMPLIFIED_CHINESE;
    private static final List<Locale> SUPPORTED = List.of(Locale.CHINESE, Locale.ENGLISH);
    private static final Logger log = LoggerFactory.getLogger(Problems.class);

    private final MessageSource messages;
    private final JsonMapper json;

    public Problems(MessageSource messages, JsonMapper json) {
        this.messages = messages;
        this.json = json;
    }

    /** The language of the answer: English when the client prefers it, else Chinese. */
    public static Locale language(HttpServletRequest request) {
        String header = request == null ? null : request.getHeader(HttpHeaders.ACCEPT_LANGUAGE);
        if (header == null || header.isBlank()) {
            return ZH;
        }
        try {
            Locale best = Locale.lookup(Locale.LanguageRange.parse(header), SUPPORTED);
            return best != null && best.getLanguage().equals("en") ? Locale.ENGLISH : ZH;
        } catch (IllegalArgumentException malformedHeader) {
            return ZH;
        }
    }

    /** A field problem with both messages taken from {@code problem.<code>}. */
    public ApiException.FieldProblem field(String field, String code, Object... args) {
        return new ApiException.FieldProblem(field, code, message(code, args, ZH), message(code, args, Locale.ENGLISH));
    }

    /** The message of {@code problem.<code>} in one language; the code itself if no bundle has it. */
    public String message(String code, Object[] args, Locale locale) {
        try {
            return messages.getMessage("problem." + code, args, locale);
        } catch (NoSuchMessageException e) {
            log.warn("no message for problem code {} in {}", code, locale);
            return code;
        }
    }

    /** The problem body for {@code e} answered to {@code request}. */
    public Map<String, Object> body(HttpServletRequest request, ApiException e) {
        Locale locale = language(request);
        int status = e.status().value();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", TYPE_BASE + e.code());
        body.put("title", title(status, locale));
        body.put("status", status);
        String zh = message(e.code(), e.args(), ZH);
        String en = message(e.code(), e.args(), Locale.ENGLISH);
        body.put("detail", locale.getLanguage().equals("en") ? en : zh);
        body.put("code", e.code());
        body.put("messageZh", zh);
        body.put("messageEn", en);
        body.put("requestId", RequestIds.current());
        List<Map<String, String>> errors = new ArrayList<>();
        for (ApiException.FieldProblem p : e.fieldProblems()) {
            Map<String, String> error = new LinkedHashMap<>();
            error.put("field", p.field());
            error.put("code", p.code());
            error.put("messageZh", p.messageZh() != null ? p.messageZh() : message(p.code(), new Object[0], ZH));
            error.put(
                    "messageEn",
                    p.messageEn() != null ? p.messageEn() : message(p.code(), new Object[0], Locale.ENGLISH));
            errors.add(error);
        }
        body.put("errors", errors);
        return body;
    }

    private String title(int status, Locale locale) {
        return messages.getMessage("http.status." + status, null, "HTTP " + status, locale);
    }

    /** The answer for {@code e} as a response entity (controller advice). */
    public ResponseEntity<Object> response(HttpServletRequest request, ApiException e) {
        ResponseEntity.BodyBuilder builder = ResponseEntity.status(e.status()).contentType(PROBLEM_JSON);
        e.headers().forEach((name, value) -> builder.header(name, value));
        return builder.body(body(request, e));
    }

    /** Writes the answer for {@code e} directly (servlet filters, security handlers). */
    public void write(HttpServletRequest request, HttpServletResponse response, ApiException e) throws IOException {
        if (response.isCommitted()) {
            log.warn("cannot answer problem {}: response already committed", e.code());
            return;
        }
        response.resetBuffer();
        response.setStatus(e.status().value());
        response.setContentType(PROBLEM_JSON.toString());
        response.setCharacterEncoding("UTF-8");
        e.headers().forEach(response::setHeader);
        byte[] bytes = json.writeValueAsBytes(body(request, e));
        response.setContentLength(bytes.length);
        response.getOutputStream().write(bytes);
        response.flushBuffer();
    }
}
