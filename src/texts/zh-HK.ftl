### PolicyWatch，繁體中文（香港）。Every key here is in en.ftl too, with the same variables; the notes on
### markup and $channel are at the top of en.ftl.

## Both bots

notEditor = 抱歉，只有編輯可以記錄承諾的狀態。
failed = 抱歉，處理指令時出錯，請稍後再試。
listSeparator = 、
unknownBureaus = { $channel ->
    [discord] 不認識的政策局：{ $words }。請輸入代號（如 DEVB）、中文或英文名稱，或從建議中選擇。
   *[telegram] 不認識：{ $words }。輸入 /bureaus 查看政策局代號及名稱。
}
subscribedAll = ✅ { $channel ->
    [discord] 本頻道已訂閱
   *[telegram] 已訂閱
}所有政策局的期限提示。
subscribed = ✅ { $channel ->
    [discord] 本頻道已訂閱
   *[telegram] 已訂閱
}：{ $names }。
alreadyAll = { $channel ->
    [discord] 本頻道已訂閱所有政策局。如只想跟進部分政策局，請先 <code>/unsubscribe all</code>，再逐一 <code>/subscribe</code>。
   *[telegram] 你已訂閱所有政策局。如只想跟進部分政策局，請先 /unsubscribe all，再逐一 /subscribe。
}
deadlinesSchedule = 期限前{ $leadDays }日、到期當日及逾期翌日 { $sendAt } 會收到提示。
unsubscribedAll = { $channel ->
    [discord] 本頻道已取消所有訂閱。
   *[telegram] 已取消本對話的所有訂閱。
}
unsubscribed = 已取消訂閱：{ $names }。
notSubscribedTo = { here }沒有訂閱：{ $names }。
followingAllCannotRemove = { $channel ->
    [discord] 本頻道正訂閱所有政策局，未能只取消其中一個。請先 <code>/unsubscribe all</code>，再 <code>/subscribe</code> 想跟進的政策局。
   *[telegram] 你正訂閱所有政策局，未能只取消其中一個。請先 /unsubscribe all，再 /subscribe 想跟進的政策局。
}
noSubscription = { $channel ->
    [discord] 本頻道未有訂閱。輸入 <code>/subscribe bureau:DEVB</code> 或 <code>/subscribe bureau:all</code> 開始。
   *[telegram] 本對話未有訂閱。輸入 /subscribe 發展局 或 /subscribe all 開始。
}
subscriptionHeading = { $channel ->
    [discord] <b>本頻道的訂閱</b>
   *[telegram] <b>本對話的訂閱</b>（<code>{ $target }</code>）
}
everythingOff = 注意：期限提示、逾期監察及每週摘要都已關閉，{ here }不會再收到任何訊息。
digestSkipEmpty = { $channel ->
    [discord] { $skip ->
        [true] 本頻道沒有內容的每週摘要會略過，不會發送。
       *[false] 本頻道的每週摘要即使沒有內容亦會照常發送。
    }
   *[telegram] { $skip ->
        [true] 沒有內容的每週摘要會略過，不會發送。
       *[false] 每週摘要即使沒有內容亦會照常發送。
    }
}
digestPreviewHeading = <i>預覽：{ here }此刻會收到的每週摘要</i>
digestPreviewOff = { $channel ->
    [discord] 本頻道的每週摘要現時關閉；<code>/digest on</code> 即可開啟。
   *[telegram] 本對話的每週摘要現時關閉；/digest on 即可開啟。
}
digestPreviewWouldSkip = 本週摘要沒有內容，按設定不會發送。
digestPreviewNoSubscription = { $channel ->
    [discord] 本頻道未有訂閱。使用 <code>/digest on</code> 接收每週摘要，或 <code>/subscribe bureau:DEVB</code> 訂閱期限提示。
   *[telegram] 本對話未有訂閱。輸入 /digest on 接收每週摘要，或 /subscribe 發展局 訂閱期限提示。
}
upcomingHeading = <b>未來{ $days }日內到期的承諾{ $scoped ->
    [true] （{ $scope }）
   *[false] {""}
}</b>：{ $count }項
overdueHeading = <b>已逾期的承諾{ $scoped ->
    [true] （{ $scope }）
   *[false] {""}
}</b>：{ $count }項
noneUpcoming = 未來{ $days }日內沒有到期的承諾。
noneOverdue = 沒有逾期的承諾。
more = ……還有{ $count }項
daysProblem = 日數要是1至365之間的整數。
notFound = 找不到承諾 { $ref }。
didYouMean = 你是否想找：
searchHeading = <b>與「{ $query }」相關的承諾</b>
noMilestones = 這項承諾沒有明確期限。
withdrawn = （已從文件中刪除）
historyBy = 由 { $actor }
langSet = { $channel ->
    [discord] 本頻道已切換為中文，提示亦會以中文發送。
   *[telegram] 已切換為中文。
}
langRemembered = { $channel ->
    [discord] 本頻道已切換為中文。訂閱後，提示會以中文發送。
   *[telegram] 已切換為中文。訂閱後，提示亦會以中文發送。
}
mutedUntil = { $channel ->
    [discord] 🔕 本頻道已靜音，{ $until } 前不會發送提示。取消：<code>/mute days:0</code>
   *[telegram] 🔕 已靜音，{ $until } 前不會發送提示。取消：/mute off
}
unmuted = 🔔 { $channel ->
    [discord] 本頻道已取消靜音。
   *[telegram] 已取消靜音。
}
calendarUrl = 📅 { $rotated ->
    [true] 已換新網址，舊網址即時失效。
   *[false] {""}
}{ here }訂閱的私人日曆（iCalendar）：
    { $channel ->
        [discord] { $url }
            請勿公開；換新網址：<code>/calendar action:rotate</code>
       *[telegram] <code>{ $url }</code>
            請勿公開；換新網址：/calendar rotate
    }
statusRecorded = 已記錄 <code>{ $ref }</code>：{ $from } → { $to }{ $dated ->
    [true] （新期限 { $due }）
   *[false] {""}
}。
statusRefused = 未能記錄：{ $problem }
# Where the message is read: this chat or this channel.
here = { $channel ->
    [discord] 本頻道
   *[telegram] 本對話
}

## Both bots: evidence proposals (/report) and the editors' queue (/review)

reportReceived = { $merged ->
    [true] 已併入現有提案 #{ $id }（<code>{ $ref }</code> → { $status }）。編輯審核後會通知你。
   *[false] 已收到提案 #{ $id }：<code>{ $ref }</code> → { $status }。編輯審核後會通知你。
}
reportRefused = 未能收錄提案：{ $problem }
reviewEmpty = 沒有待審核的提案。
reviewHeading = <b>待審核提案：{ $count }項</b>
reviewItem = #{ $id } <code>{ $ref }</code> → <b>{ $status }</b>（現時：{ $current }，期限 { $due }）
    來源：{ $channel ->
        [discord] &lt;{ $url }&gt;
       *[telegram] { $url }
    }
    提出者：{ $proposer }{ $others ->
        [0] {""}
       *[other] （另有{ $others }人）
    }{ $noted ->
        [true] {""}
            備註：{ $note }
       *[false] {""}
    }
approveButton = { $channel ->
    [discord] 批准
   *[telegram] ✅ 批准
}
rejectButton = { $channel ->
    [discord] 拒絕
   *[telegram] ❌ 拒絕
}
decided = { $approved ->
    [true] 已批准提案 #{ $id }：<code>{ $ref }</code> 現為 { $status }{ $superseded ->
        [0] {""}
       *[other] （{ $superseded }項待發提示已取消）
    }。
   *[false] 已拒絕提案 #{ $id }（<code>{ $ref }</code> 維持 { $status }）。
}
decisionRefused = 未能處理：{ $problem }
outcome = { $approved ->
    [true] ✅ 你的提案 #{ $id } 已獲批准：<code>{ $ref }</code> 現為 { $status }。多謝！
   *[false] 你的提案 #{ $id }（<code>{ $ref }</code>）未獲接納{ $noted ->
        [true] ：{ $note }
       *[false] 。
    }
}
carriedOverFrom = ↩️ 重申 <code>{ $ref }</code>（{ $document }）{ $slip }
carriedOverTo = ↪️ 由 <code>{ $ref }</code>（{ $document }）重申{ $slip }

## Telegram

telegram-command-start = 開始及使用說明
telegram-command-help = 所有指令
telegram-command-bureaus = 政策局代號、名稱及未完成承諾數目
telegram-command-subscribe = 訂閱政策局的期限提示
    .args = <政策局…|all>
    .example = /subscribe 發展局
telegram-command-unsubscribe = 取消訂閱政策局
    .args = <政策局…|all>
    .example = /unsubscribe 發展局
telegram-command-watchdog = 開關逾期監察（逾期後每週提醒）
    .args = on|off
    .example = /watchdog on
telegram-command-digest = 每週摘要：開關、發送日子及時間、預覽
    .args = on [星期] [HH:MM] | off | skip-empty on|off | preview
    .example = /digest on 星期一 09:00
telegram-command-deadlines = 開關期限提示
    .args = on|off
    .example = /deadlines off
telegram-command-subscriptions = 本對話的訂閱設定
telegram-command-upcoming = 即將到期的承諾
    .args = [政策局] [日數]
    .example = /upcoming 發展局 14
telegram-command-overdue = 已逾期的承諾
    .args = [政策局]
    .example = /overdue 發展局
telegram-command-show = 一項承諾的詳情、狀態紀錄及證據
    .args = <編號>
    .example = /show PA2024-7-03
telegram-command-report = 提交證據：承諾已完成、政府稱已完成、進展或放棄
    .args = <編號> <met|claimed|progress|dropped> <網址> [備註]
    .example = /report PA2024-7-03 met https://www.info.gov.hk/…
telegram-command-lang = 切換語言 中文／English
    .args = zh|en
    .example = /lang en
telegram-command-mute = 暫停提示若干日
    .args = <日數>|off
    .example = /mute 7
telegram-command-why = 一個期限的各次提示：本對話收到哪些，其餘為何沒有
    .args = <編號>[/n]
    .example = /why PA2024-7-03/1
telegram-command-calendar = 本對話訂閱的私人日曆網址（rotate：換新網址）
    .args = [rotate]
    .example = /calendar rotate
telegram-command-met = （編輯）記錄已完成及證據
    .args = <編號> <證據網址> [備註]
    .example = /met PA2024-7-03 https://www.info.gov.hk/…
telegram-command-claimed = （編輯）記錄政府稱已完成
    .args = <編號> [備註]
    .example = /claimed PA2024-7-03
telegram-command-reschedule = （編輯）記錄改期
    .args = <編號> <YYYY-MM-DD> <原因>
    .example = /reschedule PA2024-7-03 2025-06-30 立法會文件
telegram-command-review = （編輯）審核提案
telegram-welcome =
    👋 歡迎使用 <b>PolicyWatch 施政追蹤</b>！
    我把施政報告的承諾變成期限，在期限將至、到期及逾期時提醒你。

    • /subscribe 發展局 — 訂閱一個政策局（代號、中文或英文名稱皆可）
    • /subscribe all — 訂閱所有政策局
    • /bureaus — 政策局列表
    • /upcoming — 未來30日內到期的承諾
    • /help — 所有指令

    English: /lang en
telegram-helpHeading = <b>指令</b>
telegram-editorHeading = <b>編輯指令</b>
telegram-helpFooter = 政策局可用代號（DEVB）、中文（發展局）或英文名稱。在群組內只有管理員可以更改訂閱。
telegram-usagePrefix = 用法：
telegram-examplePrefix = 例如：
telegram-notCommand = 請輸入指令，例如 /subscribe 發展局。輸入 /help 查看所有指令。
telegram-notAdmin = 抱歉，只有群組管理員可以更改本群組的訂閱。
telegram-editorNeedsPerson = 編輯指令需要以個人帳戶使用，請在私人對話或群組內使用。
telegram-bureausHeading = <b>政策局</b>（代號 · 名稱 · 未完成的期限）
telegram-pickToSubscribe = 請選擇要訂閱的政策局（✅ 表示已訂閱，再按一次取消）：
telegram-pickToUnsubscribe = 請選擇要取消的政策局（✅ 表示已訂閱，按一下取消）：
telegram-allButton = 全部政策局
telegram-milestonesHeading = <b>期限</b>
telegram-sourcePhrase = 原文
telegram-reasonNeeded = 改期需要註明原因（例如資料來源）。
telegram-joinedGroup = 👋 你好！我會提示施政承諾的期限。管理員可輸入 /subscribe 發展局 或 /watchdog on 開始；/help 查看所有指令。
telegram-switch-watchdog = 逾期監察
telegram-switch-digest = 每週摘要
telegram-switch-deadlines = 期限提示
telegram-unknownCommand = 不明指令 { $command }。輸入 /help 查看所有指令。
telegram-bureauCount = { $count }項
telegram-switchSet = { $name }已{ $on ->
    [true] 開啟
   *[false] 關閉
}。
telegram-switchCreated = 已為本對話建立訂閱：所有政策局，只開啟{ $name }（期限提示關閉）。如只想跟進部分政策局，可先 /unsubscribe all，再 /subscribe。
telegram-switchNothingToTurnOff = 本對話未有訂閱，{ $name }本來就是關閉的。
telegram-digestSchedule = 每週摘要{ $when }發送。
telegram-digestNotDayOrTime = 「{ $word }」不是星期（一至日、mon至sun）或24小時制時間（HH:MM）。
telegram-toggledOn = 已訂閱 { $name }
telegram-toggledOff = 已取消 { $name }

## Discord

discord-command-subscribe = 訂閱
    .description = 本頻道訂閱政策局的期限提示
discord-option-subscribe-bureau = 政策局
    .description = 政策局代號或名稱（如 DEVB、發展局），或 all
discord-option-subscribe-watchdog = 逾期監察
    .description = 逾期後每週提醒
discord-option-subscribe-digest = 每週摘要
    .description = 每週發送摘要
discord-command-unsubscribe = 取消訂閱
    .description = 本頻道取消訂閱政策局
discord-option-unsubscribe-bureau = 政策局
    .description = 要取消的政策局，或 all 取消全部
discord-command-subscriptions = 訂閱設定
    .description = 本頻道的訂閱設定
discord-command-digest = 每週摘要
    .description = 本頻道的每週摘要：開關、發送日子及時間、預覽
discord-option-digest-on = 開啟
    .description = 開啟每週摘要，可選發送的日子及時間
discord-option-digest-off = 關閉
    .description = 關閉每週摘要
discord-option-digest-skip-empty = 略過空白
    .description = 沒有內容的一週是否略過不發
discord-option-digest-preview = 預覽
    .description = 本頻道此刻會收到的每週摘要（只有你看到）
discord-option-digest-day = 星期
    .description = 逢星期幾發送
discord-option-digest-time = 時間
    .description = 發送時間，24小時制 HH:MM（如 09:00）
discord-option-digest-enabled = 略過
    .description = 略過（True）或照常發送（False）
discord-command-upcoming = 即將到期
    .description = 即將到期的承諾
discord-option-upcoming-bureau = 政策局
    .description = 只看這個政策局
discord-option-upcoming-days = 日數
    .description = 未來多少日內（1至365）
discord-command-overdue = 已逾期
    .description = 已逾期的承諾
discord-option-overdue-bureau = 政策局
    .description = 只看這個政策局
discord-command-show = 承諾詳情
    .description = 一項承諾的詳情、狀態紀錄及證據
discord-option-show-ref = 編號
    .description = 承諾編號（如 PA2024-7-03）或關鍵字
discord-command-lang = 語言
    .description = 本頻道的語言 中文／English
discord-option-lang-language = 語言
    .description = 中文或 English
discord-command-mute = 靜音
    .description = 本頻道暫停提示若干日
discord-option-mute-days = 日數
    .description = 暫停日數（1至365），0 即取消靜音
discord-command-why = 提示原因
    .description = 一個期限的各次提示：本頻道收到哪些，其餘為何沒有
discord-option-why-ref = 編號
    .description = 承諾編號，多於一個期限時加 /n（如 PA2024-7-03/2）
discord-command-calendar = 日曆
    .description = 本頻道訂閱的私人日曆網址
discord-option-calendar-action = 動作
    .description = url：顯示網址；rotate：換新網址（舊網址即時失效）
discord-command-status = 記錄狀態
    .description = （編輯）記錄承諾期限的狀態
discord-option-status-ref = 編號
    .description = 承諾編號，多於一個期限時加 /n（如 PA2024-7-03/2）
discord-option-status-status = 狀態
    .description = 新狀態
discord-option-status-evidence = 證據
    .description = 公開證據網址（已完成時必須）
discord-option-status-due = 新期限
    .description = 改期後的期限 YYYY-MM-DD
discord-option-status-note = 備註
    .description = 備註或資料來源
discord-command-report = 提交證據
    .description = 提交證據：承諾已完成、政府稱已完成、進展或放棄
discord-option-report-ref = 編號
    .description = 承諾編號，多於一個期限時加 /n（如 PA2024-7-03/2）
discord-option-report-status = 狀態
    .description = 證據顯示的狀態
discord-option-report-url = 網址
    .description = 公開來源網址（http 或 https）
discord-option-report-note = 備註
    .description = 備註
discord-command-review = 審核提案
    .description = （編輯）審核證據提案
discord-language-zh = 中文
discord-language-en = English
discord-allBureaux = 全部政策局
discord-guildOnly = 此指令只可在伺服器的頻道內使用。
discord-needsManageChannels = 抱歉，只有具備「管理頻道」權限的成員可以更改本頻道的訂閱。
discord-unknownCommand = 抱歉，不認識這個指令。
discord-languageProblem = 請選擇 zh（中文）或 en（English）。
discord-muteProblem = 日數要是0至365之間的整數（0 即取消靜音）。
discord-digestOff = 本頻道的每週摘要已關閉。
discord-digestTimeProblem = 時間要是24小時制 HH:MM，例如 09:00。
discord-digestDayProblem = 請從星期一至星期日中選擇。
discord-alertLanguage = 提示會以{ $language }發送（<code>/lang { $other }</code> 可更改）。
discord-digestOn = 📬 本頻道的每週摘要已開啟，{ $when }發送。
discord-digestCreated = 📬 已為本頻道建立訂閱：所有政策局，只開啟每週摘要（期限提示關閉），{ $when }發送。如只想跟進部分政策局，可先 <code>/unsubscribe all</code>，再 <code>/subscribe</code>。

## Web tracker

web-siteName = 施政報告承諾追蹤
web-overview = 總覽
web-bureaux = 政策局
web-documents = 文件
web-overdue = 逾期
web-upcoming = 未來90日到期
web-changed = 最近更新
web-search = 搜尋
web-searchPlaceholder = 搜尋承諾內容或編號
web-totals = 按狀態統計
web-nextDeadlines = 即將到期
web-mostOverdue = 逾期最久
web-recentChanges = 最近狀態變更
web-chartTitle = 每月到期的里程碑（按狀態）
web-ref = 編號
web-commitment = 承諾
web-due = 到期日
web-status = 狀態
web-bureau = 政策局
web-document = 文件
web-changedAt = 變更時間
web-change = 變更
web-none = 沒有項目。
web-all = 全部
web-sort = 排序
web-filter = 篩選
web-apply = 套用
web-previous = 上一頁
web-next = 下一頁
web-page = 頁
web-of = 共
web-results = 項結果
web-milestones = 里程碑
web-history = 狀態記錄
web-source = 來源
web-evidence = 證據
web-note = 備註
web-carryOvers = 延續承諾
web-calendar = 日曆（iCalendar）
web-feeds = Atom 訂閱
web-feedChanges = 狀態變更
web-feedNew = 新承諾
web-feedMissed = 逾期
web-missedEntry = 已逾期
web-badge = 徽章
web-exports = 匯出資料
web-chapter = 章節
web-editions = 版本
web-published = 發布日期
web-sourceLink = 原文
web-language = 語言
web-commitments = 承諾
web-headings = 標題
web-withRelevant = 及相關政策局
web-withdrawn = 此承諾已於新版本中刪除
web-notFound = 找不到此頁。
web-otherLanguageOnly = 此承諾只有中文版本。
web-daysOverdue = 逾期{ $n }日
web-daysLeft = 尚餘{ $n }日
web-dueToday = 今日到期
web-sortDue = 到期日（最早）
web-sortDueDesc = 到期日（最遲）
web-sortRef = 編號
web-sortRecent = 最新
web-sortOldest = 最舊
web-api = API
web-today = 今日
web-skip = 跳至內容
web-switchLanguage = English
web-loaded = 載入時間

# A milestone as the tracker shows it (domain/trackerStatus.ts).
web-status-met = 已完成
web-status-claimed = 聲稱完成
web-status-on_track = 按計劃
web-status-due_soon = 即將到期
web-status-overdue = 逾期
web-status-ongoing = 持續推行
web-status-rescheduled = 已改期
web-status-dropped = 已放棄
# A milestone status as stored, in change histories.
web-stored-pending = 待完成
web-stored-met = 已完成
web-stored-claimed = 聲稱完成
web-stored-rescheduled = 已改期
web-stored-dropped = 已放棄
