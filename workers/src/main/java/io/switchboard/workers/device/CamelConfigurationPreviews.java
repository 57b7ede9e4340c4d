package io.switchboard.workers.device;

import io.switchboard.camel.junos.ConfigurationPreview;
import io.switchboard.camel.junos.JunosRouteIds;
import io.switchboard.camel.junos.LoadConfiguration;
import io.switchboard.camel.netconf.NetconfConstants;
import io.switchboard.inventory.device.ConfigurationPreviews;
import org.apache.camel.CamelExecutionException;
import org.apache.camel.ProducerTemplate;
import org.springframework.stereotype.Component;

/** {@link ConfigurationPreviews} through the Junos preview route. */
@Component
public class CamelConfigurationPreviews implements ConfigurationPreviews {
  private final ProducerTemplate routes;

  public CamelConfigurationPreviews(ProducerTemplate routes) {
    this.routes = routes;
  }

  @Override
  public String preview(String deviceId, String setCommands) {
    try {
      return routes
          .requestBodyAndHeader(
              JunosRouteIds.PREVIEW_CONFIGURATION_URI,
              LoadConfiguration.setCommands(setCommands),
              NetconfConstants.DEVICE_ID,
              deviceId,
              ConfigurationPreview.class)
          .compare();
    } catch (CamelExecutionException e) {
      throw DeviceRefusals.of(e);
    }
  }
}
