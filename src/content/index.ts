// Placeholder until the content script lands; the build needs the entry point to exist.
