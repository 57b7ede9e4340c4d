package io.switchboard.camel.junos;

/** {@code <package-result>} (0 is success) and the installer's {@code <output>}. */
public record PackageResult(int code, String output) {

  public boolean isSuccess() {
    return code == 0;
  }
}
