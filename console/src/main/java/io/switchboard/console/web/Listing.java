package io.switchboard.console.web;

import io.switchboard.api.common.Paging;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.ui.Model;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * A list page's paging, sorting and filters: sorted only by the columns the API sorts by (another
 * column is 400, as in the API), and the filters carried in the links of the column heads and the
 * pager ({@code query}, {@code sortProperty}, {@code sortDirection} on the page).
 */
public final class Listing {
  private final Map<String, Object> filters = new LinkedHashMap<>();

  private Listing() {}

  public static Listing filters() {
    return new Listing();
  }

  public Listing with(String name, Object value) {
    filters.put(name, value);
    return this;
  }

  /** The page to ask the service for, with the model attributes the list template uses. */
  public Pageable page(Pageable requested, Set<String> sortable, Sort byDefault, Model model) {
    Pageable safe = Paging.of(requested, sortable, byDefault);
    UriComponentsBuilder query = UriComponentsBuilder.newInstance();
    filters.forEach(
        (name, value) -> {
          if (value != null && !value.toString().isBlank()) {
            query.queryParam(name, value.toString());
          }
        });
    String encoded = query.encode().build().getQuery();
    model.addAttribute("filters", filters);
    model.addAttribute("query", encoded == null ? "" : encoded + "&");
    Sort.Order order =
        (requested.getSort().isSorted() ? requested.getSort() : byDefault)
            .stream().findFirst().orElseThrow();
    model.addAttribute("sortProperty", order.getProperty());
    model.addAttribute("sortDirection", order.getDirection().name().toLowerCase());
    return safe;
  }
}
