package io.switchboard.engine.config;

import io.switchboard.engine.Engine;
import io.switchboard.engine.clock.EngineClock;
import io.switchboard.engine.query.EngineQueries;
import io.switchboard.engine.rest.AfterDispatch;
import io.switchboard.engine.rest.EngineProblemHandler;
import io.switchboard.engine.rest.EngineQueryController;
import io.switchboard.engine.rest.EngineRestController;
import io.switchboard.engine.rest.JobActivationController;
import io.switchboard.engine.retention.HistoryRetention;
import io.switchboard.engine.store.EngineOwnership;
import io.switchboard.engine.store.EngineSchema;
import io.switchboard.engine.store.JdbcEngineStore;
import jakarta.servlet.DispatcherType;
import javax.sql.DataSource;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.core.Ordered;
import org.springframework.web.servlet.config.annotation.AsyncSupportConfigurer;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** Runs the embedded engine inside the application and mounts its REST API. */
@AutoConfiguration(after = DataSourceAutoConfiguration.class)
@ConditionalOnProperty(
    name = "switchboard.engine.enabled",
    havingValue = "true",
    matchIfMissing = true)
@EnableConfigurationProperties(EngineProperties.class)
@Import({
  EngineRestController.class,
  JobActivationController.class,
  EngineQueryController.class,
  io.switchboard.engine.rest.UserTaskController.class,
  io.switchboard.engine.rest.OperatorViewController.class,
  io.switchboard.engine.rest.ClockController.class,
  io.switchboard.engine.rest.ModificationController.class,
  io.switchboard.engine.rest.DecisionController.class,
  EngineProblemHandler.class
})
public class EngineAutoConfiguration {
  /** Long polls and awaited results end by the engine's own deadlines, not the container's. */
  private static final long ASYNC_TIMEOUT_MS = 3_600_000;

  @Bean
  public EngineClock switchboardEngineClock() {
    return EngineClock.system();
  }

  @Bean
  public Engine switchboardEngine(
      DataSource dataSource, EngineProperties properties, EngineClock clock) {
    EngineSchema.migrate(dataSource);
    EngineSchema.ensureDurableCommits(dataSource);
    return new Engine(
        new JdbcEngineStore(dataSource, clock), clock, properties.clockControl().enabled());
  }

  /** The read API; its tables are migrated with the engine's, so it comes after the engine. */
  @Bean
  public EngineQueries switchboardEngineQueries(DataSource dataSource, Engine engine) {
    return new EngineQueries(dataSource);
  }

  @Bean
  public EngineOwnership switchboardEngineOwnership(
      DataSource dataSource, EngineProperties properties, Engine engine) {
    return new EngineOwnership(
        dataSource, properties.ownership().ttl(), properties.ownership().startWait());
  }

  @Bean
  public SmartLifecycle switchboardEngineLifecycle(Engine engine, EngineOwnership ownership) {
    return new SmartLifecycle() {
      @Override
      public void start() {
        ownership.acquire(engine::stop);
        engine.start();
      }

      @Override
      public void stop() {
        engine.stop();
        ownership.release();
      }

      @Override
      public boolean isRunning() {
        return engine.isRunning();
      }

      @Override
      public int getPhase() {
        // before the web server (which starts in a later phase) takes requests
        return Integer.MIN_VALUE + 1000;
      }
    };
  }

  /** Removes the history of instances that ended longer than the retention ago. */
  @Bean
  public HistoryRetention switchboardEngineHistoryRetention(
      DataSource dataSource, EngineProperties properties, EngineClock clock, Engine engine) {
    EngineProperties.History history = properties.history();
    return new HistoryRetention(
        dataSource,
        clock,
        history.retention(),
        history.cleanupInterval(),
        history.batchSize(),
        keys -> engine.userTasks().forgetEndedOf(keys).join());
  }

  @Bean
  public SmartLifecycle switchboardEngineHistoryRetentionLifecycle(HistoryRetention retention) {
    return new SmartLifecycle() {
      @Override
      public void start() {
        retention.start();
      }

      @Override
      public void stop() {
        retention.stop();
      }

      @Override
      public boolean isRunning() {
        return retention.isRunning();
      }
    };
  }

  /** First in the chain, so job activation answers wait for every filter to have finished. */
  @Bean
  public FilterRegistrationBean<AfterDispatch> switchboardEngineAfterDispatch(
      EngineProperties properties) {
    FilterRegistrationBean<AfterDispatch> registration =
        new FilterRegistrationBean<>(new AfterDispatch());
    registration.addUrlPatterns(properties.basePath() + "/jobs/activation");
    registration.setDispatcherTypes(DispatcherType.REQUEST);
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
    return registration;
  }

  @Bean
  public WebMvcConfigurer switchboardEngineAsyncTimeout() {
    return new WebMvcConfigurer() {
      @Override
      public void configureAsyncSupport(AsyncSupportConfigurer configurer) {
        configurer.setDefaultTimeout(ASYNC_TIMEOUT_MS);
      }
    };
  }
}
