package dev.sevzero.app;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The version Maven built, from {@code sevzero-build.properties} (filtered at build time). */
final class BuildVersion {

  private static final String RESOURCE = "/sevzero-build.properties";

  private BuildVersion() {}

  static String current() {
    try (InputStream in = BuildVersion.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        return "unknown";
      }
      Properties properties = new Properties();
      properties.load(in);
      return properties.getProperty("version", "unknown");
    } catch (IOException e) {
      return "unknown";
    }
  }
}
