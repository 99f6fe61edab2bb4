package dev.citeassist.cli;

/** The command line was wrong: exit code 2, the message says what to type instead. */
final class UsageException extends Exception {

  UsageException(String message) {
    super(message);
  }
}
