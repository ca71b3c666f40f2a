/**
 * Notifications: the in-app notification centre, the outbox of deliveries to outside channels (e-mail, WeCom and
 * DingTalk group robots) and each user's choice of channels. The root package is the module's public API:
 * {@link io.keyaccount.notify.Notifications} to notify inside the caller's transaction, {@link
 * io.keyaccount.notify.NotificationInbox} to read, {@link io.keyaccount.notify.NotificationChannel} to add a channel.
 */
package io.keyaccount.notify;
