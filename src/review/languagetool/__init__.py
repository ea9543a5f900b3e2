"""The LanguageTool server review talks to: jars from Maven Central, run locally on Java 17."""
