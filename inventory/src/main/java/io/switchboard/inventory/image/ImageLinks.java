package io.switchboard.inventory.image;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Time-limited download links for device software images. A device fetching an image in {@code
 * request-package-add} cannot log in, so the link itself carries the permission: an HMAC over the
 * image digest and the expiry time, with a key only Switchboard holds.
 */
@Component
public class ImageLinks {
  public static final String PATH = "/device-images/";
  static final Duration LIFETIME = Duration.ofHours(2);

  private final String publicUrl;
  private final byte[] key;
  private final Clock clock;

  @org.springframework.beans.factory.annotation.Autowired
  public ImageLinks(
      @Value("${switchboard.public-url:http://localhost:${server.port:8080}}") String publicUrl,
      @Value("${switchboard.security.system.password:}") String secret,
      @Value("${switchboard.security.image-link-key:}") String configuredKey) {
    this(publicUrl, !configuredKey.isBlank() ? configuredKey : secret, Clock.systemUTC());
  }

  ImageLinks(String publicUrl, String key, Clock clock) {
    this.publicUrl =
        publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
    this.key = ("image-links:" + key).getBytes(StandardCharsets.UTF_8);
    this.clock = clock;
  }

  public String linkFor(SoftwareImage image) {
    long expires = clock.instant().plus(LIFETIME).getEpochSecond();
    // the fragment never reaches the server: it tells the device which digest to expect
    return publicUrl
        + PATH
        + image.getSha256()
        + "/"
        + image.getFileName()
        + "?expires="
        + expires
        + "&token="
        + token(image.getSha256(), expires)
        + "#sha256="
        + image.getSha256();
  }

  public boolean isValid(String sha256, long expires, String token) {
    return isValid(PATH, sha256, expires, token);
  }

  /**
   * A link of the same kind for another download endpoint under {@code path} (VNF images): the
   * token also covers the path, so a link for one endpoint opens nothing on another.
   */
  public String linkFor(String path, String sha256, String fileName) {
    long expires = clock.instant().plus(LIFETIME).getEpochSecond();
    return publicUrl
        + path
        + sha256
        + "/"
        + fileName
        + "?expires="
        + expires
        + "&token="
        + token(path, sha256, expires);
  }

  public boolean isValid(String path, String sha256, long expires, String token) {
    if (clock.instant().getEpochSecond() > expires || token == null) {
      return false;
    }
    return MessageDigest.isEqual(
        token(path, sha256, expires).getBytes(StandardCharsets.US_ASCII),
        token.getBytes(StandardCharsets.US_ASCII));
  }

  private String token(String path, String sha256, long expires) {
    // device-image links keep the form they had before other endpoints existed
    return token((PATH.equals(path) ? "" : path + ":") + sha256, expires);
  }

  private String token(String sha256, long expires) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      return Base64.getUrlEncoder()
          .withoutPadding()
          .encodeToString(
              mac.doFinal((sha256 + ":" + expires).getBytes(StandardCharsets.US_ASCII)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }
}
