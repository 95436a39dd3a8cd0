/** The quick start of the README: the shortest complete embedding of the pcop engine. */
module org.pcop.samples.quickstart {
  requires org.pcop.engine;
}
