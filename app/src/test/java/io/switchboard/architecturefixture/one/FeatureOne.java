package io.switchboard.architecturefixture.one;

import io.switchboard.architecturefixture.two.FeatureTwo;

/** Half of a package cycle on purpose, for {@code ModuleRulesTest}. */
public class FeatureOne {
  FeatureTwo two;
}
