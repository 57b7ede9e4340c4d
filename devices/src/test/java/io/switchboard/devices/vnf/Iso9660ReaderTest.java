package io.switchboard.devices.vnf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * The simulator's reader of config drives, on an image another writer made: {@code
 * vnf/juniper-conf-genisoimage.iso} is Debian's {@code genisoimage -V CIDATA -l -no-pad} of a
 * folder holding {@code juniper.conf}; {@code vnf/cidata-genisoimage.iso} its {@code genisoimage -V
 * CIDATA -l -relaxed-filenames -no-pad} of cloud-init's {@code meta-data} and {@code user-data}.
 */
class Iso9660ReaderTest {
  static final String CONF =
      "set system host-name vsrx-1\n"
          + "set interfaces ge-0/0/1 unit 0 family inet address 169.254.62.134/30\n";

  static byte[] genisoimage() throws IOException {
    return resource("/vnf/juniper-conf-genisoimage.iso");
  }

  static byte[] resource(String path) throws IOException {
    try (InputStream in = Iso9660ReaderTest.class.getResourceAsStream(path)) {
      return in.readAllBytes();
    }
  }

  @Test
  void readsTheFilesOfTheRootDirectoryByTheNamesAReaderShows() throws Exception {
    var files = Iso9660Reader.files(genisoimage());

    assertThat(files).containsOnlyKeys("juniper.conf");
    assertThat(new String(files.get("juniper.conf"), StandardCharsets.UTF_8)).isEqualTo(CONF);
  }

  @Test
  void readsEveryFileOfACloudInitDriveInDirectoryOrder() throws Exception {
    var files = Iso9660Reader.files(resource("/vnf/cidata-genisoimage.iso"));

    assertThat(files.keySet()).containsExactly("meta-data", "user-data");
    assertThat(new String(files.get("meta-data"), StandardCharsets.UTF_8))
        .isEqualTo("instance-id: vi-42\nlocal-hostname: vsrx-1\n");
    assertThat(new String(files.get("user-data"), StandardCharsets.UTF_8))
        .isEqualTo("#cloud-config\nhostname: vsrx-1\n");
  }

  @Test
  void refusesWhatIsNoIso9660Image() throws Exception {
    assertThatThrownBy(() -> Iso9660Reader.files(CONF.getBytes(StandardCharsets.UTF_8)))
        .isInstanceOf(Iso9660Reader.NotAnIsoImageException.class)
        .hasMessageContaining("shorter than");
    byte[] zeros = new byte[40 * 2048];
    assertThatThrownBy(() -> Iso9660Reader.files(zeros))
        .hasMessageContaining("no volume descriptor (CD001) at sector 16");

    byte[] blockSize = genisoimage();
    blockSize[16 * 2048 + 129] = 4; // the little-endian half says 1024, the big-endian 2048
    assertThatThrownBy(() -> Iso9660Reader.files(blockSize))
        .hasMessageContaining("logical block size differs in its two byte orders");

    byte[] truncated = Arrays.copyOf(genisoimage(), 20 * 2048);
    assertThatThrownBy(() -> Iso9660Reader.files(truncated)).hasMessageContaining("volume space");
  }
}
