package io.switchboard.inventory.vnf;

/**
 * Why a package is refused: {@code subject} is {@code "signature"} or the path of the file at fault
 * inside the package (or {@code "file"} when the upload is not a package at all).
 */
public class VnfPackageProblem extends RuntimeException {
  private final String subject;

  public VnfPackageProblem(String subject, String message) {
    super(message);
    this.subject = subject;
  }

  public String subject() {
    return subject;
  }
}
