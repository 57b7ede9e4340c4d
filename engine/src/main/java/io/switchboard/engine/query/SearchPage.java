package io.switchboard.engine.query;

import io.camunda.client.protocol.rest.SearchQueryPageResponse;
import java.util.List;

/** One page of search results and its paging information. */
public record SearchPage<R>(List<R> items, SearchQueryPageResponse page) {}
