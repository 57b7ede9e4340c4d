package io.switchboard.engine.rest;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs work once the container has finished a request's dispatch, every filter included. A response
 * answered from another thread (a long poll the engine ends) must not be written while the dispatch
 * is still unwinding: filters write headers on the way out (Spring Security adds its own when the
 * response commits or the chain returns, whichever comes first), and a response written by two
 * threads at once can lose a header (its Content-Length) or its whole answer, which the caller then
 * waits for until it gives up. Registered first in the filter chain, so its {@code finally} is the
 * last thing the dispatch does; without it (the request did not pass through it) {@link #run} runs
 * the work at once.
 */
public final class AfterDispatch implements Filter {
  private static final String ATTRIBUTE = AfterDispatch.class.getName();

  @Override
  public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    List<Runnable> pending = new ArrayList<>(1);
    request.setAttribute(ATTRIBUTE, pending);
    try {
      chain.doFilter(request, response);
    } finally {
      request.removeAttribute(ATTRIBUTE);
      pending.forEach(Runnable::run);
    }
  }

  /** Runs {@code work} when the dispatch of {@code request} has ended, or now if unknown. */
  @SuppressWarnings("unchecked")
  static void run(ServletRequest request, Runnable work) {
    Object pending = request.getAttribute(ATTRIBUTE);
    if (pending instanceof List<?> list) {
      ((List<Runnable>) list).add(work);
    } else {
      work.run();
    }
  }
}
