package liangshan.app.identity.internal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import liangshan.app.identity.CurrentActor;
import liangshan.app.web.Page;
import liangshan.app.web.PageRequest;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/v1/users}: user administration within the caller's data scope. */
@RestController
@RequestMapping("/api/v1/users")
@Tag(name = "users", description = "用户管理 / users")
class UserController {

    private final CurrentActor current;
    private final UserService users;

    UserController(CurrentActor current, UserService users) {
        this.current = current;
        this.users = users;
    }

    @GetMapping
    @Operation(summary = "用户列表（按数据范围） / users the caller may see")
    Page<UserView> list(@RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
        return users.list(current.get(), PageRequest.of(page, size));
    }

    /**
     * Answers {@code {"user": …}} plus {@code "oneTimePassword"} when the platform generated it (then
     * {@code Cache-Control: no-store}, and an Idempotency-Key replay does not repeat the secret).
     */
    @PostMapping
    @Operation(summary = "新建用户 / create a user")
    ResponseEntity<Map<String, Object>> create(@Valid @RequestBody UserRequests.CreateUser body) {
        UserService.Created created = users.create(current.get(), body);
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("user", created.user());
        ResponseEntity.BodyBuilder response = ResponseEntity.created(
                URI.create("/api/v1/users/" + created.user().id()));
        if (created.oneTimePassword() != null) {
            answer.put("oneTimePassword", created.oneTimePassword());
            response.cacheControl(CacheControl.noStore());
        }
        return response.body(answer);
    }

    @GetMapping("/{id}")
    @Operation(summary = "用户详情 / one user")
    UserView get(@PathVariable long id) {
        return users.get(current.get(), id);
    }

    @PatchMapping("/{id}")
    @Operation(summary = "修改用户 / change display name, roles, scope or enabled")
    UserView update(@PathVariable long id, @Valid @RequestBody UserRequests.UpdateUser body) {
        return users.update(current.get(), id, body);
    }

    @PostMapping("/{id}/reset-password")
    @Operation(summary = "重置密码（一次性密码只显示一次） / reset the password (one-time password shown once)")
    ResponseEntity<Map<String, String>> resetPassword(@PathVariable long id) {
        return ResponseEntity.ok()
                .cacheControl(CacheControl.noStore())
                .body(Map.of("oneTimePassword", users.resetPassword(current.get(), id)));
    }
}
