/** A runnable tour of pcop-model on the module path. */
module org.pcop.samples.modeldemo {
  requires org.pcop.model;
  requires java.logging;
}
