### PolicyWatch, English. Every key here is in zh-HK.ftl too, with the same variables.
### Markup: <b>, <i> and <code> only, and &lt; &gt; &amp; for the characters themselves; each channel's
### markup helper turns them into Telegram HTML, Discord markdown or plain text. Values are escaped
### before they are placed, so a value can never open a tag.
### $channel is telegram or discord where the two bots word a reply differently.

## Both bots

notEditor = Sorry, only editors can record the status of a commitment.
failed = Sorry, something went wrong with that command. Please try again later.
listSeparator = {", "}
unknownBureaus = { $channel ->
    [discord] Unknown bureau: { $words }. Give a code (e.g. DEVB), an English or Chinese name, or pick a suggestion.
   *[telegram] Unknown bureau: { $words }. Send /bureaus for the codes and names.
}
subscribedAll = { $channel ->
    [discord] ✅ This channel now gets every bureau's deadline alerts.
   *[telegram] ✅ You now get every bureau's deadline alerts.
}
subscribed = { $channel ->
    [discord] ✅ This channel now follows: { $names }.
   *[telegram] ✅ Subscribed: { $names }.
}
alreadyAll = { $channel ->
    [discord] This channel already follows all bureaux. To follow only some, use <code>/unsubscribe all</code>, then <code>/subscribe</code> each one.
   *[telegram] You already follow all bureaux. To follow only some, send /unsubscribe all, then /subscribe each one.
}
deadlinesSchedule = Alerts come { $leadDays } days before a deadline, on the day and the day after a miss, at { $sendAt }.
unsubscribedAll = { $channel ->
    [discord] This channel is no longer subscribed to anything.
   *[telegram] This chat is no longer subscribed to anything.
}
unsubscribed = Unsubscribed: { $names }.
notSubscribedTo = This { $channel ->
    [discord] channel
   *[telegram] chat
} does not follow: { $names }.
followingAllCannotRemove = { $channel ->
    [discord] This channel follows all bureaux, so one cannot be removed. Use <code>/unsubscribe all</code>, then <code>/subscribe</code> the ones you want.
   *[telegram] You follow all bureaux, so one cannot be removed. Send /unsubscribe all, then /subscribe the ones you want.
}
noSubscription = { $channel ->
    [discord] This channel has no subscription yet. Use <code>/subscribe bureau:DEVB</code> or <code>/subscribe bureau:all</code> to start.
   *[telegram] This chat has no subscription yet. Send /subscribe DEVB or /subscribe all to start.
}
subscriptionHeading = { $channel ->
    [discord] <b>This channel's subscription</b>
   *[telegram] <b>This chat's subscription</b> (<code>{ $target }</code>)
}
everythingOff = Note: deadline alerts, watchdog and digest are all off, so { here } will receive nothing.
digestSkipEmpty = { $channel ->
    [discord] { $skip ->
        [true] Weekly digests with nothing in them are now skipped in this channel.
       *[false] Weekly digests now come to this channel even when there is nothing in them.
    }
   *[telegram] { $skip ->
        [true] Weekly digests with nothing in them are now skipped.
       *[false] Weekly digests now come even when there is nothing in them.
    }
}
digestPreviewHeading = <i>Preview: the weekly digest { here } would get now</i>
digestPreviewOff = { $channel ->
    [discord] The weekly digest is off for this channel; <code>/digest on</code> turns it on.
   *[telegram] The weekly digest is off for this chat; /digest on turns it on.
}
digestPreviewWouldSkip = There is nothing in this week’s digest, so it would be skipped.
digestPreviewNoSubscription = { $channel ->
    [discord] This channel has no subscription yet. Use <code>/digest on</code> for the weekly digest, or <code>/subscribe bureau:DEVB</code> for deadline alerts.
   *[telegram] This chat has no subscription yet. Send /digest on for the weekly digest, or /subscribe DEVB for deadline alerts.
}
upcomingHeading = <b>Due in the next { $days } days{ $scoped ->
    [true] {" "}({ $scope })
   *[false] {""}
}</b>: { $count }
overdueHeading = <b>Overdue{ $scoped ->
    [true] {" "}({ $scope })
   *[false] {""}
}</b>: { $count }
noneUpcoming = Nothing is due in the next { $days } days.
noneOverdue = Nothing is overdue.
more = …and { $count } more
daysProblem = Days must be a whole number from 1 to 365.
notFound = No commitment { $ref }.
didYouMean = Did you mean:
searchHeading = <b>Commitments matching “{ $query }”</b>
noMilestones = This commitment has no dated deadline.
withdrawn = (withdrawn from the document)
historyBy = by { $actor }
langSet = { $channel ->
    [discord] This channel now uses English, for alerts too.
   *[telegram] Language set to English.
}
langRemembered = { $channel ->
    [discord] This channel now uses English. Once it subscribes, alerts come in English too.
   *[telegram] Language set to English. Once you subscribe, alerts come in English too.
}
mutedUntil = { $channel ->
    [discord] 🔕 Muted: no alerts in this channel before { $until }. Undo: <code>/mute days:0</code>
   *[telegram] 🔕 Muted: no alerts before { $until }. Undo: /mute off
}
unmuted = { $channel ->
    [discord] 🔔 Alerts are back on in this channel.
   *[telegram] 🔔 Alerts are back on.
}
calendarUrl = 📅 { $rotated ->
    [true] New URL; the old one stopped working.{" "}
   *[false] {""}
}Private calendar (iCalendar) of this { $channel ->
    [discord] channel's subscription:
        { $url }
        Keep it private; for a new one: <code>/calendar action:rotate</code>
   *[telegram] chat's subscription:
        <code>{ $url }</code>
        Keep it private; for a new one: /calendar rotate
}
statusRecorded = Recorded <code>{ $ref }</code>: { $from } → { $to }{ $dated ->
    [true] {" "}(new due date { $due })
   *[false] {""}
}.
statusRefused = Not recorded: { $problem }
# Where the message is read: this chat or this channel.
here = { $channel ->
    [discord] this channel
   *[telegram] this chat
}

## Both bots: evidence proposals (/report) and the editors' queue (/review)

reportReceived = { $merged ->
    [true] Merged into open proposal #{ $id } (<code>{ $ref }</code> → { $status }). You will hear when an editor decides.
   *[false] Proposal #{ $id } received: <code>{ $ref }</code> → { $status }. You will hear when an editor decides.
}
reportRefused = Proposal not taken: { $problem }
reviewEmpty = No proposals are waiting.
reviewHeading = <b>Proposals waiting: { $count }</b>
reviewItem = #{ $id } <code>{ $ref }</code> → <b>{ $status }</b> (now: { $current }, due { $due })
    Source: { $channel ->
        [discord] &lt;{ $url }&gt;
       *[telegram] { $url }
    }
    By: { $proposer }{ $others ->
        [0] {""}
       *[other] {" "}(+{ $others } more)
    }{ $noted ->
        [true] {""}
            Note: { $note }
       *[false] {""}
    }
approveButton = { $channel ->
    [discord] Approve
   *[telegram] ✅ Approve
}
rejectButton = { $channel ->
    [discord] Reject
   *[telegram] ❌ Reject
}
decided = { $approved ->
    [true] Approved proposal #{ $id }: <code>{ $ref }</code> is now { $status }{ $superseded ->
        [0] {""}
       *[other] {" "}({ $superseded } queued alert(s) cancelled)
    }.
   *[false] Rejected proposal #{ $id } (<code>{ $ref }</code> stays { $status }).
}
decisionRefused = Not done: { $problem }
outcome = { $approved ->
    [true] ✅ Your proposal #{ $id } was approved: <code>{ $ref }</code> is now { $status }. Thank you!
   *[false] Your proposal #{ $id } (<code>{ $ref }</code>) was not accepted{ $noted ->
        [true] : { $note }
       *[false] .
    }
}
carriedOverFrom = ↩️ Restates <code>{ $ref }</code> ({ $document }){ $slip }
carriedOverTo = ↪️ Restated by <code>{ $ref }</code> ({ $document }){ $slip }

## Telegram

telegram-command-start = Welcome and how to use
telegram-command-help = All commands
telegram-command-bureaus = Bureau codes, names and open deadlines
telegram-command-subscribe = Get a bureau's deadline alerts
    .args = <bureau…|all>
    .example = /subscribe DEVB
telegram-command-unsubscribe = Stop following a bureau
    .args = <bureau…|all>
    .example = /unsubscribe DEVB
telegram-command-watchdog = Overdue reminders on or off
    .args = on|off
    .example = /watchdog on
telegram-command-digest = Weekly digest: on or off, day and time, preview
    .args = on [day] [HH:MM] | off | skip-empty on|off | preview
    .example = /digest on mon 09:00
telegram-command-deadlines = Deadline alerts on or off
    .args = on|off
    .example = /deadlines off
telegram-command-subscriptions = This chat's subscription
telegram-command-upcoming = Commitments coming due
    .args = [bureau] [days]
    .example = /upcoming DEVB 14
telegram-command-overdue = Overdue commitments
    .args = [bureau]
    .example = /overdue DEVB
telegram-command-show = A commitment with its status history and evidence
    .args = <ref>
    .example = /show PA2024-7-03
telegram-command-report = Propose evidence: met, claimed, progress or dropped
    .args = <ref> <met|claimed|progress|dropped> <url> [note]
    .example = /report PA2024-7-03 met https://www.info.gov.hk/…
telegram-command-lang = Language: 中文 / English
    .args = zh|en
    .example = /lang zh
telegram-command-mute = Pause alerts for some days
    .args = <days>|off
    .example = /mute 7
telegram-command-why = Which alerts of a deadline this chat gets, and why not the others
    .args = <ref>[/n]
    .example = /why PA2024-7-03/1
telegram-command-calendar = Private calendar URL of this chat's subscription (rotate: a new one)
    .args = [rotate]
    .example = /calendar rotate
telegram-command-met = (editors) Record met, with evidence
    .args = <ref> <evidence-url> [note]
    .example = /met PA2024-7-03 https://www.info.gov.hk/…
telegram-command-claimed = (editors) Record claimed by government
    .args = <ref> [note]
    .example = /claimed PA2024-7-03
telegram-command-reschedule = (editors) Record a new due date
    .args = <ref> <YYYY-MM-DD> <reason>
    .example = /reschedule PA2024-7-03 2025-06-30 LegCo paper
telegram-command-review = (editors) Review evidence proposals
telegram-welcome =
    👋 Welcome to <b>PolicyWatch</b>!
    I turn the Policy Address's commitments into deadlines and alert you as they approach, fall due and are missed.

    • /subscribe DEVB — follow a bureau (code, English or Chinese name)
    • /subscribe all — follow every bureau
    • /bureaus — the list of bureaux
    • /upcoming — commitments due in the next 30 days
    • /help — all commands

    中文：/lang zh
telegram-helpHeading = <b>Commands</b>
telegram-editorHeading = <b>Editor commands</b>
telegram-helpFooter = Name a bureau by code (DEVB), English or Chinese name. In groups only administrators can change the subscription.
telegram-usagePrefix = Usage:{" "}
telegram-examplePrefix = Example:{" "}
telegram-notCommand = Send a command, e.g. /subscribe DEVB. /help lists them all.
telegram-notAdmin = Sorry, only this group's administrators can change its subscription.
telegram-editorNeedsPerson = Editor commands need a personal account; use them in a private chat or a group.
telegram-bureausHeading = <b>Bureaux</b> (code · name · open deadlines)
telegram-pickToSubscribe = Pick the bureaux to follow (✅ = following; press again to stop):
telegram-pickToUnsubscribe = Pick the bureaux to stop following (✅ = following; press to stop):
telegram-allButton = All bureaux
telegram-milestonesHeading = <b>Deadlines</b>
telegram-sourcePhrase = Source words
telegram-reasonNeeded = A reschedule needs a reason (e.g. the source).
telegram-joinedGroup = 👋 Hello! I alert on Policy Address deadlines. Administrators can start with /subscribe DEVB or /watchdog on; /help lists all commands.
telegram-switch-watchdog = Watchdog (overdue reminders)
telegram-switch-digest = Weekly digest
telegram-switch-deadlines = Deadline alerts
telegram-unknownCommand = Unknown command { $command }. Send /help for the list.
telegram-bureauCount = { $count } open
telegram-switchSet = { $name }: { $on ->
    [true] on
   *[false] off
}.
telegram-switchCreated = Created a subscription for this chat: all bureaux, { $name } only (deadline alerts off). To follow only some bureaux, send /unsubscribe all, then /subscribe.
telegram-switchNothingToTurnOff = This chat has no subscription, so { $name } is already off.
telegram-digestSchedule = The weekly digest comes { $when }.
telegram-digestNotDayOrTime = “{ $word }” is neither a day (mon…sun) nor a 24-hour time (HH:MM).
telegram-toggledOn = Following { $name }
telegram-toggledOff = Stopped following { $name }

## Discord

discord-command-subscribe = subscribe
    .description = Post a bureau's deadline alerts in this channel
discord-option-subscribe-bureau = bureau
    .description = Bureau code or name (e.g. DEVB, Development Bureau), or all
discord-option-subscribe-watchdog = watchdog
    .description = Weekly reminders once a deadline is missed
discord-option-subscribe-digest = digest
    .description = A weekly digest
discord-command-unsubscribe = unsubscribe
    .description = Stop following a bureau in this channel
discord-option-unsubscribe-bureau = bureau
    .description = The bureau to stop following, or all
discord-command-subscriptions = subscriptions
    .description = This channel's subscription
discord-command-digest = digest
    .description = This channel's weekly digest: on or off, day and time, preview
discord-option-digest-on = on
    .description = Turn the weekly digest on, optionally on a chosen day and time
discord-option-digest-off = off
    .description = Turn the weekly digest off
discord-option-digest-skip-empty = skip-empty
    .description = Whether a week with nothing in it is skipped
discord-option-digest-preview = preview
    .description = The weekly digest this channel would get now (only you see it)
discord-option-digest-day = day
    .description = The day of the week it comes
discord-option-digest-time = time
    .description = The time it comes, 24-hour HH:MM (e.g. 09:00)
discord-option-digest-enabled = enabled
    .description = Skip empty weeks (True) or send them anyway (False)
discord-command-upcoming = upcoming
    .description = Commitments coming due
discord-option-upcoming-bureau = bureau
    .description = Only this bureau
discord-option-upcoming-days = days
    .description = Days ahead (1–365)
discord-command-overdue = overdue
    .description = Overdue commitments
discord-option-overdue-bureau = bureau
    .description = Only this bureau
discord-command-show = show
    .description = A commitment with its status history and evidence
discord-option-show-ref = ref
    .description = Commitment ref (e.g. PA2024-7-03) or words
discord-command-lang = lang
    .description = This channel's language: 中文 / English
discord-option-lang-language = language
    .description = 中文 or English
discord-command-mute = mute
    .description = Pause alerts in this channel for some days
discord-option-mute-days = days
    .description = Days to pause (1–365); 0 turns muting off
discord-command-why = why
    .description = Which alerts of a deadline this channel gets, and why not the others
discord-option-why-ref = ref
    .description = Commitment ref, with /n when it has several deadlines (e.g. PA2024-7-03/2)
discord-command-calendar = calendar
    .description = Private calendar URL of this channel's subscription
discord-option-calendar-action = action
    .description = url: show it; rotate: a new one (the old one stops working)
discord-command-status = status
    .description = (editors) Record the status of a deadline
discord-option-status-ref = ref
    .description = Commitment ref, with /n when it has several deadlines (PA2024-7-03/2)
discord-option-status-status = status
    .description = The new status
discord-option-status-evidence = evidence
    .description = Public evidence URL (needed for met)
discord-option-status-due = due
    .description = New due date YYYY-MM-DD (rescheduled)
discord-option-status-note = note
    .description = A note or the source
discord-command-report = report
    .description = Propose evidence: met, claimed, progress or dropped
discord-option-report-ref = ref
    .description = Commitment ref, with /n when it has several deadlines (PA2024-7-03/2)
discord-option-report-status = status
    .description = What the evidence shows
discord-option-report-url = url
    .description = Public source URL (http or https)
discord-option-report-note = note
    .description = A note
discord-command-review = review
    .description = (editors) Review evidence proposals
discord-language-zh = 中文
discord-language-en = English
discord-allBureaux = All bureaux
discord-guildOnly = This command works only in a server channel.
discord-needsManageChannels = Sorry, only members with the Manage Channels permission can change this channel's subscription.
discord-unknownCommand = Sorry, I do not know that command.
discord-languageProblem = Choose zh (中文) or en (English).
discord-muteProblem = Days must be a whole number from 0 to 365 (0 turns muting off).
discord-digestOff = The weekly digest is off for this channel.
discord-digestTimeProblem = The time must be 24-hour HH:MM, e.g. 09:00.
discord-digestDayProblem = Choose a day from Monday to Sunday.
discord-alertLanguage = Alerts come in { $language } (<code>/lang { $other }</code> to change).
discord-digestOn = 📬 This channel gets the weekly digest { $when }.
discord-digestCreated = 📬 Created a subscription for this channel: all bureaux, weekly digest only (deadline alerts off), { $when }. To follow only some bureaux, use <code>/unsubscribe all</code>, then <code>/subscribe</code>.

## Web tracker

web-siteName = Policy Address Promise Tracker
web-overview = Overview
web-bureaux = Bureaux
web-documents = Documents
web-overdue = Overdue
web-upcoming = Due in the next 90 days
web-changed = Recently changed
web-search = Search
web-searchPlaceholder = Search commitment texts or refs
web-totals = Totals by status
web-nextDeadlines = Next deadlines
web-mostOverdue = Most overdue
web-recentChanges = Recent status changes
web-chartTitle = Milestones due per month, by status
web-ref = Ref
web-commitment = Commitment
web-due = Due
web-status = Status
web-bureau = Bureau
web-document = Document
web-changedAt = Changed
web-change = Change
web-none = Nothing here.
web-all = All
web-sort = Sort
web-filter = Filter
web-apply = Apply
web-previous = Previous
web-next = Next
web-page = Page
web-of = of
web-results = results
web-milestones = Milestones
web-history = Status history
web-source = Source
web-evidence = Evidence
web-note = Note
web-carryOvers = Carried over
web-calendar = Calendar (iCalendar)
web-feeds = Atom feeds
web-feedChanges = Status changes
web-feedNew = New commitments
web-feedMissed = Missed deadlines
web-missedEntry = deadline missed
web-badge = Badge
web-exports = Data exports
web-chapter = Chapter
web-editions = Versions
web-published = Published
web-sourceLink = Source document
web-language = Language
web-commitments = Commitments
web-headings = Headings
web-withRelevant = and relevant bureaux
web-withdrawn = This commitment was removed in a later version of the document
web-notFound = Page not found.
web-otherLanguageOnly = This commitment exists only in Chinese; it is shown as published.
web-daysOverdue = { $n } { $n ->
    [1] day
   *[other] days
} overdue
web-daysLeft = { $n } { $n ->
    [1] day
   *[other] days
} left
web-dueToday = due today
web-sortDue = Due date (earliest)
web-sortDueDesc = Due date (latest)
web-sortRef = Ref
web-sortRecent = Most recent
web-sortOldest = Oldest
web-api = API
web-today = Today
web-skip = Skip to content
web-switchLanguage = 中文
web-loaded = Loaded

# A milestone as the tracker shows it (domain/trackerStatus.ts).
web-status-met = Met
web-status-claimed = Claimed
web-status-on_track = On track
web-status-due_soon = Due soon
web-status-overdue = Overdue
web-status-ongoing = Ongoing
web-status-rescheduled = Rescheduled
web-status-dropped = Dropped
# A milestone status as stored, in change histories.
web-stored-pending = Pending
web-stored-met = Met
web-stored-claimed = Claimed
web-stored-rescheduled = Rescheduled
web-stored-dropped = Dropped
