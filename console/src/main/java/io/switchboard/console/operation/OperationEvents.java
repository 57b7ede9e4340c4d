package io.switchboard.console.operation;

import io.switchboard.api.security.CurrentScope;
import io.switchboard.console.web.LiveFeed;
import io.switchboard.inventory.operation.Operation;
import io.switchboard.inventory.operation.OperationState;
import io.switchboard.inventory.scope.AccessScope;
import java.time.LocalDate;
import java.util.Map;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.data.web.PageableDefault;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * Server-sent events for the operation pages, with the signed-in user's scope taken when the stream
 * opens (another tenant's operation is 404 before any event): an operation's live state whenever it
 * changes (the same JSON as the page's polling), and for the list a "changed" event whenever a row
 * of the page as filtered would read differently.
 */
@Controller
@RequestMapping("/console/operations")
public class OperationEvents {
  private final LiveFeed feed;
  private final LiveState live;
  private final OperationPages pages;

  public OperationEvents(LiveFeed feed, LiveState live, OperationPages pages) {
    this.feed = feed;
    this.live = live;
    this.pages = pages;
  }

  @GetMapping(value = "/{id}/process/{key}/events", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
  @ResponseBody
  public SseEmitter operation(@PathVariable String id, @PathVariable long key) {
    AccessScope scope = CurrentScope.get();
    // read once here: a refusal (404) answers the request itself
    live.of(scope, id, key);
    return feed.stream(
        "live",
        () -> {
          LiveState.Reading r = live.of(scope, id, key);
          return new LiveFeed.Reading(r.signature(), r.body(), r.last());
        });
  }

  @GetMapping(value = "/events", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
  @ResponseBody
  public SseEmitter list(
      @RequestParam(required = false) String type,
      @RequestParam(required = false) OperationState state,
      @RequestParam(required = false) String tenantId,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
      @RequestParam(required = false) String serial,
      @RequestParam(required = false) String site,
      @PageableDefault(size = 20, sort = "createdAt", direction = Sort.Direction.DESC)
          Pageable pageable) {
    AccessScope scope = CurrentScope.get();
    pages.query(scope, type, state, tenantId, from, to, serial, site, pageable);
    return feed.stream(
        "changed",
        () -> {
          Page<Operation> page =
              pages.query(scope, type, state, tenantId, from, to, serial, site, pageable);
          String signature = signature(page);
          return new LiveFeed.Reading(signature, Map.of("signature", signature), false);
        });
  }

  /** What the list shows of each row that can change, and how many rows there are. */
  static String signature(Page<Operation> page) {
    StringBuilder s = new StringBuilder().append(page.getTotalElements());
    for (Operation o : page.getContent()) {
      s.append('|')
          .append(o.getId())
          .append(':')
          .append(o.getState())
          .append(':')
          .append(o.getCurrentStep())
          .append(':')
          .append(o.isAttention());
    }
    return Integer.toHexString(s.toString().hashCode());
  }
}
