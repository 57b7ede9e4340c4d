package io.switchboard.architecturefixture.two;

import io.switchboard.architecturefixture.one.FeatureOne;

/** The other half of the package cycle, for {@code ModuleRulesTest}. */
public class FeatureTwo {
  FeatureOne one;
}
