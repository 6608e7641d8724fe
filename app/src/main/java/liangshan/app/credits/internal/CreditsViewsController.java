package liangshan.app.credits.internal;

import java.util.List;
import java.util.Map;
import liangshan.app.identity.Actor;
import liangshan.app.identity.CurrentActor;
import liangshan.app.web.Page;
import liangshan.app.web.PageRequest;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Read endpoints of the market and account pages under {@code /api/v1/credits} (docs/api/credits.md,
 * "Market and account views"). A controller of its own, beside {@link CreditsController}, so that the
 * commands and these views change independently.
 */
@RestController("creditsViewsController")
@RequestMapping("/api/v1/credits")
class CreditsViewsController {

    private final CurrentActor current;
    private final MarketViews market;
    private final AccountViews accounts;

    CreditsViewsController(CurrentActor current, MarketViews market, AccountViews accounts) {
        this.current = current;
        this.market = market;
        this.accounts = accounts;
    }

    private Actor actor() {
        Actor a = current.get();
        CreditsAccess.requireSignedIn(a);
        return a;
    }

    @GetMapping("/market/listings")
    Page<Map<String, Object>> marketListings(
            @RequestParam(required = false) String county,
            @RequestParam(required = false) Integer vintage,
            @RequestParam(required = false) String kind,
            @RequestParam(required = false) String minPrice,
            @RequestParam(required = false) String maxPrice,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size) {
        return market.listings(
                actor(),
                new MarketViews.ListingFilter(county, vintage, kind, minPrice, maxPrice),
                PageRequest.of(page, size));
    }

    @GetMapping("/bids")
    Page<Map<String, Object>> bids(
            @RequestParam(required = false) String county,
            @RequestParam(required = false) Boolean open,
            @RequestParam(required = false) String buyer,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size) {
        return market.bids(actor(), county, open, buyer, PageRequest.of(page, size));
    }

    @GetMapping("/market/trades")
    List<Map<String, Object>> trades(@RequestParam(required = false) String county) {
        return market.trades(actor(), county);
    }

    @GetMapping("/parties/{id}/account")
    Map<String, Object> account(@PathVariable String id) {
        return accounts.account(actor(), id);
    }
}
