package io.switchboard.api.common;

import io.switchboard.api.logging.UnsafeCharacters;
import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Refuses control characters (C0, DEL, C1), line separators and bidirectional formatting characters
 * in a name or identifier ({@link UnsafeCharacters}), so that what is stored displays as what it is
 * and cannot forge lines in logs or terminals. {@code null} is valid (combine with
 * {@code @NotBlank} where a value is required). With {@code multiline}, LF and tab are allowed
 * (free-text descriptions).
 */
@Documented
@Constraint(validatedBy = SafeText.Validator.class)
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT})
@Retention(RetentionPolicy.RUNTIME)
public @interface SafeText {
  String message() default "must not contain control or bidirectional formatting characters";

  boolean multiline() default false;

  Class<?>[] groups() default {};

  Class<? extends Payload>[] payload() default {};

  /** Checks a value against {@link UnsafeCharacters}, naming the offending character. */
  class Validator implements ConstraintValidator<SafeText, CharSequence> {
    private boolean multiline;

    @Override
    public void initialize(SafeText annotation) {
      multiline = annotation.multiline();
    }

    @Override
    public boolean isValid(CharSequence value, ConstraintValidatorContext context) {
      if (value == null) {
        return true;
      }
      String problem = UnsafeCharacters.describeFirstUnsafe(value, multiline);
      if (problem == null) {
        return true;
      }
      context.disableDefaultConstraintViolation();
      context.buildConstraintViolationWithTemplate(problem).addConstraintViolation();
      return false;
    }
  }
}
