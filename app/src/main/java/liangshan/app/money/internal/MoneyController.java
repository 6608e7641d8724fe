package liangshan.app.money.internal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import liangshan.app.identity.CurrentActor;
import liangshan.app.money.internal.MoneyViews.AccountView;
import liangshan.app.money.internal.MoneyViews.BatchBody;
import liangshan.app.money.internal.MoneyViews.BatchResult;
import liangshan.app.money.internal.MoneyViews.IdBody;
import liangshan.app.money.internal.MoneyViews.NewAccountBody;
import liangshan.app.money.internal.MoneyViews.PostBody;
import liangshan.app.money.internal.MoneyViews.ResultView;
import liangshan.app.money.internal.MoneyViews.TransferBody;
import liangshan.app.money.internal.MoneyViews.TransferView;
import liangshan.app.web.ApiException;
import liangshan.app.web.ApiException.FieldProblem;
import liangshan.app.web.Page;
import liangshan.app.web.PageRequest;
import liangshan.ledger.AccountFlag;
import liangshan.ledger.Asset;
import liangshan.ledger.NewAccount;
import liangshan.ledger.TransferFlag;
import liangshan.ledger.TransferRequest;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/v1/money}: accounts, transfer batches, post/void of reservations, reversals, balances and
 * history. Every write needs an {@code Idempotency-Key} (the web module replays the first answer), and every
 * transfer carries its own client-chosen id, the ledger's idempotency key.
 */
@RestController
@RequestMapping("/api/v1/money")
@Tag(name = "money", description = "资金台账 / money ledger")
class MoneyController {

    /** Assets the ledger keeps, each with its fixed scale (rights-and-money.md, ledger rule 1). */
    static final Map<String, Asset> ASSETS = Map.of("CNY", Asset.CNY, "ECO_CREDIT", Asset.ECO_CREDIT);

    private final CurrentActor current;
    private final MoneyService money;

    MoneyController(CurrentActor current, MoneyService money) {
        this.current = current;
        this.money = money;
    }

    @PostMapping("/accounts")
    @Operation(summary = "开立账户 / open an account")
    ResponseEntity<AccountView> open(
            @RequestHeader(name = "Idempotency-Key", required = false) String key, @RequestBody NewAccountBody body) {
        requireKey(key);
        List<FieldProblem> problems = new ArrayList<>();
        if (body.id() == null) {
            problems.add(new FieldProblem("id", "money.id-required", null, null));
        }
        Asset asset = body.asset() == null ? null : ASSETS.get(body.asset());
        if (asset == null) {
            problems.add(new FieldProblem("asset", "money.asset-unknown", null, null));
        }
        if (body.divisionCode() == null || !body.divisionCode().matches("\\d{4}|\\d{6}|\\d{9}|\\d{12}")) {
            problems.add(new FieldProblem("divisionCode", "money.division-invalid", null, null));
        }
        if (body.name() == null || body.name().isBlank() || body.name().length() > 200) {
            problems.add(new FieldProblem("name", "money.name-invalid", null, null));
        }
        Set<AccountFlag> flags = EnumSet.noneOf(AccountFlag.class);
        for (String flag : body.flags() == null ? List.<String>of() : body.flags()) {
            if (flag.equals("DEBITS_MUST_NOT_EXCEED_CREDITS") || flag.equals("CREDITS_MUST_NOT_EXCEED_DEBITS")) {
                flags.add(AccountFlag.valueOf(flag));
            } else {
                problems.add(new FieldProblem("flags", "money.flag-unknown", null, null));
            }
        }
        if (!problems.isEmpty()) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "money.invalid-request", problems);
        }
        NewAccount request = new NewAccount(
                body.id(),
                asset,
                body.owner() == null ? "" : body.owner(),
                body.purpose() == null ? "" : body.purpose(),
                flags);
        AccountView view = money.open(current.get(), request, body.divisionCode(), body.name());
        return ResponseEntity.created(URI.create("/api/v1/money/accounts/" + view.id()))
                .body(view);
    }

    @GetMapping("/accounts")
    @Operation(summary = "账户列表（按数据范围） / accounts in scope")
    Page<AccountView> accounts(
            @RequestParam(required = false) String division,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size) {
        return money.accounts(current.get(), division, PageRequest.of(page, size));
    }

    @GetMapping("/accounts/{id}")
    @Operation(summary = "账户余额 / an account and its balances")
    AccountView account(@PathVariable UUID id) {
        return money.account(current.get(), id);
    }

    @GetMapping("/accounts/{id}/transfers")
    @Operation(summary = "账户流水（新的在前） / account history, newest first")
    Page<TransferView> history(
            @PathVariable UUID id,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size) {
        return money.history(current.get(), id, PageRequest.of(page, size));
    }

    @GetMapping("/transfers/{id}")
    @Operation(summary = "一笔转账 / one transfer")
    TransferView transfer(@PathVariable UUID id) {
        return money.transfer(current.get(), id);
    }

    /** Applies a batch; answers one result per transfer (rejections are results, not errors). */
    @PostMapping("/transfers")
    @Operation(summary = "提交转账批次 / submit a batch of transfers")
    BatchResult submit(
            @RequestHeader(name = "Idempotency-Key", required = false) String key, @RequestBody BatchBody body) {
        requireKey(key);
        List<TransferBody> bodies = body.transfers() == null ? List.of() : body.transfers();
        List<TransferRequest> requests = new ArrayList<>();
        List<FieldProblem> problems = new ArrayList<>();
        for (int i = 0; i < bodies.size(); i++) {
            TransferRequest r = toRequest(bodies.get(i), "transfers[" + i + "]", problems);
            if (r != null) {
                requests.add(r);
            }
        }
        if (!problems.isEmpty()) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "money.invalid-request", problems);
        }
        return new BatchResult(money.submit(current.get(), requests).stream()
                .map(ResultView::of)
                .toList());
    }

    @PostMapping("/transfers/{pendingId}/post")
    @Operation(summary = "确认预留（全部或部分） / post a pending transfer")
    ResultView post(
            @RequestHeader(name = "Idempotency-Key", required = false) String key,
            @PathVariable UUID pendingId,
            @RequestBody PostBody body) {
        requireKey(key);
        UUID id = requireId(body.id());
        long amount = body.amount() == null ? 0 : body.amount();
        return ResultView.of(money.submitOne(current.get(), TransferRequest.post(id, pendingId, amount)));
    }

    @PostMapping("/transfers/{pendingId}/void")
    @Operation(summary = "撤销预留 / void a pending transfer")
    ResultView voidPending(
            @RequestHeader(name = "Idempotency-Key", required = false) String key,
            @PathVariable UUID pendingId,
            @RequestBody IdBody body) {
        requireKey(key);
        return ResultView.of(
                money.submitOne(current.get(), TransferRequest.voidPending(requireId(body.id()), pendingId)));
    }

    @PostMapping("/transfers/{transferId}/reverse")
    @Operation(summary = "冲正 / reverse a posted transfer")
    ResultView reverse(
            @RequestHeader(name = "Idempotency-Key", required = false) String key,
            @PathVariable UUID transferId,
            @RequestBody IdBody body) {
        requireKey(key);
        return ResultView.of(
                money.submitOne(current.get(), TransferRequest.reversal(requireId(body.id()), transferId)));
    }

    private static TransferRequest toRequest(TransferBody b, String field, List<FieldProblem> problems) {
        int before = problems.size();
        if (b.id() == null) {
            problems.add(new FieldProblem(field + ".id", "money.id-required", null, null));
        }
        Asset asset = null;
        if (b.asset() != null) {
            asset = ASSETS.get(b.asset());
            if (asset == null) {
                problems.add(new FieldProblem(field + ".asset", "money.asset-unknown", null, null));
            }
        }
        Set<TransferFlag> flags = EnumSet.noneOf(TransferFlag.class);
        for (String flag : b.flags() == null ? List.<String>of() : b.flags()) {
            try {
                flags.add(TransferFlag.valueOf(flag));
            } catch (IllegalArgumentException e) {
                problems.add(new FieldProblem(field + ".flags", "money.flag-unknown", null, null));
            }
        }
        if (b.timeoutSeconds() != null && b.timeoutSeconds() <= 0) {
            problems.add(new FieldProblem(field + ".timeoutSeconds", "money.timeout-invalid", null, null));
        }
        if (problems.size() > before) {
            return null;
        }
        return new TransferRequest(
                b.id(),
                b.debitAccountId(),
                b.creditAccountId(),
                b.amount() == null ? 0 : b.amount(),
                asset,
                b.code(),
                b.references() == null ? null : new TreeMap<>(b.references()),
                flags,
                b.pendingId(),
                b.reverses(),
                b.timeoutSeconds() == null ? null : Duration.ofSeconds(b.timeoutSeconds()));
    }

    private static UUID requireId(UUID id) {
        if (id == null) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "money.id-required");
        }
        return id;
    }

    private static void requireKey(String key) {
        if (key == null || key.isBlank()) {
            throw new ApiException(HttpStatus.PRECONDITION_REQUIRED, "money.idempotency-key-required");
        }
    }
}
