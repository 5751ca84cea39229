package io.aftercare.notification;

/** Sends through one channel; throws when the channel did not take the message. */
interface ChannelSender {

  Channel channel();

  /** False when the channel is not set up (no SMTP server, no SMS gateway): its rows wait. */
  boolean configured();

  void send(Notification notification) throws Exception;
}
