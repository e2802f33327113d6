<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>Alerts</name>
    <message>
        <source>Open cases: {count}</source>
        <translation>待处理异常：{count}</translation>
    </message>
</context>
<context>
    <name>Application</name>
    <message>
        <source>Cashier Companion</source>
        <translation>收银伴侣</translation>
    </message>
    <message>
        <source>Its window has been brought to the front.</source>
        <translation>已把它的窗口调到最前面。</translation>
    </message>
</context>
<context>
    <name>CaseDialog</name>
    <message>
        <source>Case {id}</source>
        <translation>案例 {id}</translation>
    </message>
    <message>
        <source>Case {id}: {kind}</source>
        <translation>案例 {id}：{kind}</translation>
    </message>
    <message>
        <source>Merchant order no.</source>
        <translation>商户订单号</translation>
    </message>
    <message>
        <source>Third-party order no.</source>
        <translation>第三方订单号</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <source>Payment state</source>
        <translation>支付状态</translation>
    </message>
    <message>
        <source>Opened</source>
        <translation>开始时间</translation>
    </message>
    <message>
        <source>Cause</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>结案时间</translation>
    </message>
    <message>
        <source>Handled in</source>
        <translation>处理用时</translation>
    </message>
    <message>
        <source>What happened</source>
        <translation>处理经过</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <source>By</source>
        <translation>操作人</translation>
    </message>
    <message>
        <source>State seen</source>
        <translation>当时状态</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>Close the case</source>
        <translation>结案</translation>
    </message>
    <message>
        <source>Choose the result</source>
        <translation>请选择处理结果</translation>
    </message>
    <message>
        <source>Note (what was done, who was called)</source>
        <translation>备注（做了什么、联系了谁）</translation>
    </message>
    <message>
        <source>Close case</source>
        <translation>结案</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>返回</translation>
    </message>
</context>
<context>
    <name>Cases</name>
    <message>
        <source>{h} h {m} min</source>
        <translation>{h} 小时 {m} 分</translation>
    </message>
    <message>
        <source>{m} min {s} s</source>
        <translation>{m} 分 {s} 秒</translation>
    </message>
    <message>
        <source>{s} s</source>
        <translation>{s} 秒</translation>
    </message>
    <message>
        <source>[Training] {kind}</source>
        <translation>【培训】{kind}</translation>
    </message>
    <message>
        <source>No.</source>
        <translation>编号</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Merchant order no.</source>
        <translation>商户订单号</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <source>Payment state</source>
        <translation>支付状态</translation>
    </message>
    <message>
        <source>Opened</source>
        <translation>开始时间</translation>
    </message>
    <message>
        <source>Handled in</source>
        <translation>处理用时</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>处理结果</translation>
    </message>
</context>
<context>
    <name>CasesPage</name>
    <message>
        <source>Cases</source>
        <translation>异常案例</translation>
    </message>
    <message>
        <source>Training cases</source>
        <translation>培训案例</translation>
    </message>
    <message>
        <source>Day</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>All kinds</source>
        <translation>全部类型</translation>
    </message>
    <message>
        <source>Open and closed</source>
        <translation>全部状态</translation>
    </message>
    <message>
        <source>Also open cases of other days</source>
        <translation>同时显示其他日期未结案例</translation>
    </message>
    <message>
        <source>No cases for this choice.</source>
        <translation>没有符合条件的案例。</translation>
    </message>
    <message>
        <source>Open case (Enter)</source>
        <translation>查看案例（回车）</translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation>导出 CSV…</translation>
    </message>
    <message>
        <source>Refresh (F5)</source>
        <translation>刷新（F5）</translation>
    </message>
    <message>
        <source>{day}: no cases</source>
        <translation>{day}：没有异常案例</translation>
    </message>
    <message>
        <source>{day}: {total} cases — {parts}</source>
        <translation>{day}：共 {total} 个案例 — {parts}</translation>
    </message>
    <message>
        <source>Select a case in the table first.</source>
        <translation>请先在表格中选择一个案例。</translation>
    </message>
    <message>
        <source>Case {id} closed: {result}</source>
        <translation>案例 {id} 已结案：{result}</translation>
    </message>
    <message>
        <source>Export cases</source>
        <translation>导出案例</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV 文件 (*.csv)</translation>
    </message>
    <message>
        <source>Cases saved to {path}</source>
        <translation>案例已保存到 {path}</translation>
    </message>
</context>
<context>
    <name>CredentialsDialog</name>
    <message>
        <source>Warning: {warning}</source>
        <translation>警告：{warning}</translation>
    </message>
    <message>
        <source>stored</source>
        <translation>已保存</translation>
    </message>
    <message>
        <source>not stored</source>
        <translation>未保存</translation>
    </message>
    <message>
        <source>Platform key</source>
        <translation>平台密钥</translation>
    </message>
    <message>
        <source>Terminal</source>
        <translation>终端</translation>
    </message>
    <message>
        <source>Credential store</source>
        <translation>凭据存储</translation>
    </message>
    <message>
        <source>Key</source>
        <translation>密钥</translation>
    </message>
    <message>
        <source>Type or paste the new key</source>
        <translation>输入或粘贴新的密钥</translation>
    </message>
    <message>
        <source>Save key</source>
        <translation>保存密钥</translation>
    </message>
    <message>
        <source>Check with the platform</source>
        <translation>向平台验证</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>The key was not saved: {reason} ({code})</source>
        <translation>密钥未保存：{reason}（{code}）</translation>
    </message>
    <message>
        <source>The key is saved in the credential store.</source>
        <translation>密钥已保存到系统凭据存储。</translation>
    </message>
    <message>
        <source>Checking with the platform…</source>
        <translation>正在向平台验证…</translation>
    </message>
    <message>
        <source>The platform accepts the key.</source>
        <translation>平台已接受该密钥。</translation>
    </message>
    <message>
        <source>The platform did not accept the key: {reason} ({code})</source>
        <translation>平台未接受该密钥：{reason}（{code}）</translation>
    </message>
    <message>
        <source>The check failed: {error}</source>
        <translation>验证失败：{error}</translation>
    </message>
</context>
<context>
    <name>HeldJobsBanner</name>
    <message>
        <source>job {id}</source>
        <translation>任务 {id}</translation>
    </message>
    <message>
        <source>Order {order}</source>
        <translation>订单 {order}</translation>
    </message>
    <message>
        <source>(reprint)</source>
        <translation>（补打）</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>重试</translation>
    </message>
    <message>
        <source>Other printer…</source>
        <translation>转到其他打印机…</translation>
    </message>
    <message>
        <source>Print this receipt on another printer of the store</source>
        <translation>在本店的另一台打印机上打印这张小票</translation>
    </message>
    <message>
        <source>Cancel…</source>
        <translation>取消…</translation>
    </message>
    <message>
        <source>Cancel print job</source>
        <translation>取消打印任务</translation>
    </message>
    <message>
        <source>The receipt for order {order} will not be printed. Why?</source>
        <translation>订单 {order} 的小票将不再打印。请选择原因：</translation>
    </message>
    <message>
        <source>Cancel the job</source>
        <translation>取消任务</translation>
    </message>
    <message>
        <source>Receipts waiting to print: {count}</source>
        <translation>待打印小票：{count} 张</translation>
    </message>
    <message>
        <source>Retry all</source>
        <translation>全部重试</translation>
    </message>
    <message>
        <source>and {count} more</source>
        <translation>另有 {count} 张</translation>
    </message>
</context>
<context>
    <name>HelpPage</name>
    <message>
        <source>a network printer</source>
        <translation>网络打印机</translation>
    </message>
    <message>
        <source>a USB printer</source>
        <translation>USB 打印机</translation>
    </message>
    <message>
        <source>a serial-port printer</source>
        <translation>串口打印机</translation>
    </message>
    <message>
        <source>a printer of the system&apos;s print queue</source>
        <translation>系统打印队列中的打印机</translation>
    </message>
    <message>
        <source>a Windows printer</source>
        <translation>Windows 打印机</translation>
    </message>
    <message>
        <source>a printer device file</source>
        <translation>打印机设备文件</translation>
    </message>
    <message>
        <source>Help for {store}</source>
        <translation>{store} 使用帮助</translation>
    </message>
    <message>
        <source>Cashier {operator} · printer {printer} · platform {host}</source>
        <translation>收银员 {operator} · 打印机 {printer} · 平台 {host}</translation>
    </message>
    <message>
        <source>Training mode: practise freely, no real order is touched.</source>
        <translation>培训模式：可以放心练习，不会影响任何真实订单。</translation>
    </message>
    <message>
        <source>The till printed no receipt, or the customer&apos;s phone shows paid but the till says it failed.</source>
        <translation>收银机没有打出小票，或者顾客手机显示已付款而收银机显示失败。</translation>
    </message>
    <message>
        <source>The customer shows a payment voucher (支付凭证) but you have no receipt.</source>
        <translation>顾客出示了支付凭证，但没有小票。</translation>
    </message>
    <message>
        <source>The tray icon or the status bar turns amber or red, or a notification says a new case was raised.</source>
        <translation>托盘图标或状态栏变成黄色或红色，或者弹出新异常的通知。</translation>
    </message>
    <message>
        <source>Then press F3, scan or type the order number, and press Enter. The page says in one sentence what became of the order and what to do next; the highlighted button is the next step.</source>
        <translation>这时按 F3，扫描或输入订单号，再按回车。页面会用一句话说明订单的情况和下一步怎么做；突出显示的按钮就是下一步。</translation>
    </message>
    <message>
        <source>Never take payment again while the state is unknown or the customer shows a voucher: sync the order first. Take payment again only after the app has closed the first order.</source>
        <translation>订单状态未知或顾客出示了支付凭证时，绝不要重新收款：请先同步订单。只有在本程序关闭原订单之后才能重新收款。</translation>
    </message>
    <message>
        <source>How do I tell that an order is abnormal?</source>
        <translation>怎样判断订单异常？</translation>
    </message>
    <message>
        <source>Look at the status bar: it shows the state of printer {printer} ({kind}).</source>
        <translation>看状态栏：那里显示打印机 {printer}（{kind}）的状态。</translation>
    </message>
    <message>
        <source>Out of paper, cover open, offline: fix it; held receipts print by themselves once it is ready.</source>
        <translation>缺纸、上盖打开、脱机：排除故障后，等待中的小票会自动打印。</translation>
    </message>
    <message>
        <source>On the receipts page (F2), check that the till&apos;s receipt arrived at all. If it did not, the till did not write it: look the order up and print it from the platform&apos;s record.</source>
        <translation>在“今日小票”页（F2）查看这张小票是否到达。如果没有，说明收银机没有写出小票：请查询订单，按平台记录打印小票。</translation>
    </message>
    <message>
        <source>To print a receipt again: look the order up (F3) and press Reprint receipt. The copy is marked as a reprint (重打小票).</source>
        <translation>要再打一张小票：查询订单（F3），点“补打小票”。补打的小票会标明“重打小票”。</translation>
    </message>
    <message>
        <source>This till prints its own receipts; the app only records them. Check the till&apos;s printer first.</source>
        <translation>本收银台由收银机自己打印小票，本程序只做记录。请先检查收银机的打印机。</translation>
    </message>
    <message>
        <source>The printer printed nothing. What now?</source>
        <translation>打印机什么都没打出来，怎么办？</translation>
    </message>
    <message>
        <source>Every abnormal order is written down by itself as a case: who handled it, which order, its payment state, the cause, each step taken with its time, the result and how long it took.</source>
        <translation>每笔异常订单都会自动记录为一个案例：谁处理的、哪笔订单、支付状态、原因、每一步操作及时间、结果和用时。</translation>
    </message>
    <message>
        <source>Add what the app cannot know in the note when you report an order or close a case: what the customer said, whom you called.</source>
        <translation>上报或结案时，请在备注里补充程序无法知道的信息：顾客说了什么、联系了谁。</translation>
    </message>
    <message>
        <source>What is recorded, and what should I add?</source>
        <translation>会记录什么？我需要补充什么？</translation>
    </message>
    <message>
        <source>A lookup takes a few seconds.</source>
        <translation>查询一般只需几秒钟。</translation>
    </message>
    <message>
        <source>A sync asks the payment channel again and confirms a few more times, usually within ten seconds.</source>
        <translation>同步会让平台重新向支付渠道确认，并自动再确认几次，通常十秒内完成。</translation>
    </message>
    <message>
        <source>A third-party order number (第三方订单号) only finds the order once the platform has heard from the channel; the merchant order number (商户订单号) in the voucher&apos;s details always works.</source>
        <translation>第三方订单号要等平台收到支付渠道的成功通知后才能查到；支付凭证详情里的商户订单号随时都能查询。</translation>
    </message>
    <message>
        <source>A paid order with no receipt is raised as a case a few minutes after payment.</source>
        <translation>已付款却没有小票的订单，会在付款几分钟后自动记录为异常案例。</translation>
    </message>
    <message>
        <source>How long does it take?</source>
        <translation>需要多长时间？</translation>
    </message>
    <message>
        <source>Technical support: {contact}</source>
        <translation>技术支持：{contact}</translation>
    </message>
    <message>
        <source>Technical support: ask your store manager for the technician&apos;s number.</source>
        <translation>技术支持：请向店长索取维护人员的电话。</translation>
    </message>
    <message>
        <source>Tell them the order number, the case number and what the lookup page says. The merchant platform of this store is {host}.</source>
        <translation>请告诉对方订单号、案例编号以及查询页面上显示的内容。本店的商户平台是 {host}。</translation>
    </message>
    <message>
        <source>Whom do I call?</source>
        <translation>遇到问题找谁？</translation>
    </message>
    <message>
        <source>Help</source>
        <translation>帮助</translation>
    </message>
</context>
<context>
    <name>HistoryModel</name>
    <message>
        <source>Recorded</source>
        <translation>记录时间</translation>
    </message>
    <message>
        <source>Merchant order no.</source>
        <translation>商户订单号</translation>
    </message>
    <message>
        <source>Third-party no.</source>
        <translation>第三方订单号</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>渠道</translation>
    </message>
    <message>
        <source>Operator</source>
        <translation>收银员</translation>
    </message>
    <message>
        <source>Receipt</source>
        <translation>小票</translation>
    </message>
</context>
<context>
    <name>HistoryPage</name>
    <message>
        <source>Receipt {order}</source>
        <translation>小票 {order}</translation>
    </message>
    <message>
        <source>Receipt history</source>
        <translation>历史小票</translation>
    </message>
    <message>
        <source>&amp;Number</source>
        <translation>单号(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Amount</source>
        <translation>金额(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;When</source>
        <translation>时间(&amp;W)</translation>
    </message>
    <message>
        <source>&amp;From</source>
        <translation>从(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;To</source>
        <translation>到(&amp;T)</translation>
    </message>
    <message>
        <source>C&amp;hannel</source>
        <translation>渠道(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;Operator</source>
        <translation>收银员(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Receipt</source>
        <translation>小票(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Words</source>
        <translation>内容(&amp;W)</translation>
    </message>
    <message>
        <source>whole, or its last 4+ digits</source>
        <translation>完整单号，或后4位以上</translation>
    </message>
    <message>
        <source>38.50 or 30-40</source>
        <translation>38.50 或 30-40</translation>
    </message>
    <message>
        <source>2026-11-24</source>
        <translation>2026-11-24</translation>
    </message>
    <message>
        <source>02</source>
        <translation>02</translation>
    </message>
    <message>
        <source>words on the receipt</source>
        <translation>小票上的文字</translation>
    </message>
    <message>
        <source>Any</source>
        <translation>全部</translation>
    </message>
    <message>
        <source>Printed</source>
        <translation>已打印</translation>
    </message>
    <message>
        <source>Not printed</source>
        <translation>未打印</translation>
    </message>
    <message>
        <source>Reprinted</source>
        <translation>已重打</translation>
    </message>
    <message>
        <source>Any time</source>
        <translation>任意时间</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>今天</translation>
    </message>
    <message>
        <source>Yesterday</source>
        <translation>昨天</translation>
    </message>
    <message>
        <source>Last 7 days</source>
        <translation>最近7天</translation>
    </message>
    <message>
        <source>This month</source>
        <translation>本月</translation>
    </message>
    <message>
        <source>Search (Enter)</source>
        <translation>查找 (Enter)</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>清空</translation>
    </message>
    <message>
        <source>Open (Enter)</source>
        <translation>打开 (Enter)</translation>
    </message>
    <message>
        <source>No receipt matches. Loosen a filter, or clear them all.</source>
        <translation>没有符合条件的小票。请放宽条件，或全部清空。</translation>
    </message>
    <message>
        <source>Newest {count} shown; more below as you scroll</source>
        <translation>显示最新 {count} 张，向下滚动查看更多</translation>
    </message>
    <message>
        <source>{count} receipts</source>
        <translation>共 {count} 张小票</translation>
    </message>
</context>
<context>
    <name>LookupPage</name>
    <message>
        <source>Look up order</source>
        <translation>查询订单</translation>
    </message>
    <message>
        <source>Look up a paid order first.</source>
        <translation>请先查询一笔已支付的订单。</translation>
    </message>
    <message>
        <source>The receipt was just sent to the printer. For another copy, click Reprint.</source>
        <translation>小票刚刚送去打印。如需再给一份，请点&quot;补打小票&quot;。</translation>
    </message>
    <message>
        <source>Reprint receipt</source>
        <translation>补打小票</translation>
    </message>
    <message>
        <source>Print receipt</source>
        <translation>打印小票</translation>
    </message>
    <message>
        <source>Print the receipt of order {order} again, marked as a reprint. Why?</source>
        <translation>重新打印订单 {order} 的小票（标明为重打）。原因是？</translation>
    </message>
    <message>
        <source>Order {order} has had no receipt yet: print it now. Why?</source>
        <translation>订单 {order} 还没有打印过小票：现在打印。原因？</translation>
    </message>
    <message>
        <source>Customer asked</source>
        <translation>顾客要求</translation>
    </message>
    <message>
        <source>The till printed nothing</source>
        <translation>收银机没有出小票</translation>
    </message>
    <message>
        <source>Receipt unreadable</source>
        <translation>小票看不清</translation>
    </message>
    <message>
        <source>Printer fault fixed</source>
        <translation>打印机故障已排除</translation>
    </message>
    <message>
        <source>Close order {order}?</source>
        <translation>关闭订单 {order}？</translation>
    </message>
    <message>
        <source>After closing, this order can no longer be paid. Then take payment again with a new order number.</source>
        <translation>关闭后这笔订单不能再付款。然后用新订单号重新收款。</translation>
    </message>
    <message>
        <source>Close the order</source>
        <translation>关闭订单</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>返回</translation>
    </message>
    <message>
        <source>Customer insists they paid</source>
        <translation>顾客坚持已付款</translation>
    </message>
    <message>
        <source>Still unpaid after several syncs</source>
        <translation>多次同步仍未支付</translation>
    </message>
    <message>
        <source>Platform unreachable for a long time</source>
        <translation>平台长时间无法连接</translation>
    </message>
    <message>
        <source>What should the manager know about order {order}?</source>
        <translation>关于订单 {order}，需要告诉店长什么？</translation>
    </message>
    <message>
        <source>Receipt of order {order} sent to the printer.</source>
        <translation>订单 {order} 的小票已发送到打印机。</translation>
    </message>
    <message>
        <source>Confirming, attempt {n}…</source>
        <translation>第 {n} 次确认…</translation>
    </message>
    <message>
        <source>Syncing with the payment channel…</source>
        <translation>正在向支付渠道同步…</translation>
    </message>
    <message>
        <source>Closing the order…</source>
        <translation>正在关闭订单…</translation>
    </message>
    <message>
        <source>Sending to the printer…</source>
        <translation>正在发送到打印机…</translation>
    </message>
    <message>
        <source>Reporting…</source>
        <translation>正在上报…</translation>
    </message>
    <message>
        <source>Looking up…</source>
        <translation>正在查询…</translation>
    </message>
    <message>
        <source>Type the merchant order number (商户订单号) from the voucher&apos;s details on the customer&apos;s phone, then press Enter.</source>
        <translation>请输入顾客手机上支付凭证详情里的商户订单号，然后按回车。</translation>
    </message>
    <message>
        <source>Merchant order number</source>
        <translation>商户订单号</translation>
    </message>
    <message>
        <source>Scan or type the merchant order number or the third-party number and press Enter. Esc clears.</source>
        <translation>扫描或输入商户订单号或第三方订单号，按回车查询。按 Esc 清空。</translation>
    </message>
    <message>
        <source>Scan or type an order number</source>
        <translation>扫描或输入订单号</translation>
    </message>
    <message>
        <source>Next order number — or Enter for the highlighted step</source>
        <translation>下一个订单号 — 或直接按回车执行突出显示的操作</translation>
    </message>
    <message>
        <source>Why: {reason}</source>
        <translation>原因：{reason}</translation>
    </message>
    <message>
        <source>This order can no longer be paid: you may take payment again with a new order number.</source>
        <translation>这笔订单已不能再付款，可以用新订单号重新收款。</translation>
    </message>
    <message>
        <source>The receipt waits for the printer ({fault}). It prints by itself once the printer is ready: do not print it again.</source>
        <translation>小票在等打印机（{fault}）。打印机恢复后会自动打印：请不要再打一张。</translation>
    </message>
    <message>
        <source>The receipt is being printed now.</source>
        <translation>小票正在打印。</translation>
    </message>
    <message>
        <source>Receipt printed at {at}, asked for by {who}.</source>
        <translation>小票已于 {at} 打印（{who} 要求）。</translation>
    </message>
    <message>
        <source>Receipt printed at {at}.</source>
        <translation>小票已于 {at} 打印。</translation>
    </message>
    <message>
        <source>Copies printed since: {n}.</source>
        <translation>之后已补打 {n} 份。</translation>
    </message>
    <message>
        <source>{action} (Enter)</source>
        <translation>{action}（回车）</translation>
    </message>
    <message>
        <source>Looked up again: {platform} shows {state}.</source>
        <translation>已重新查询：{platform}显示{state}。</translation>
    </message>
    <message>
        <source>Synced: the platform now shows {state}.</source>
        <translation>同步完成：平台现在显示{state}。</translation>
    </message>
    <message>
        <source>Synced: the platform still shows {state}.</source>
        <translation>同步完成：平台仍显示{state}。</translation>
    </message>
    <message>
        <source>Confirmed {n} times.</source>
        <translation>共确认 {n} 次。</translation>
    </message>
    <message>
        <source>Payment state</source>
        <translation>支付状态</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <source>Paid with</source>
        <translation>支付方式</translation>
    </message>
    <message>
        <source>Ordered at</source>
        <translation>下单时间</translation>
    </message>
    <message>
        <source>Paid at</source>
        <translation>支付时间</translation>
    </message>
    <message>
        <source>Merchant order no.</source>
        <translation>商户订单号</translation>
    </message>
    <message>
        <source>Third-party order no.</source>
        <translation>第三方订单号</translation>
    </message>
    <message>
        <source>(refunded {amount})</source>
        <translation>（已退款 {amount}）</translation>
    </message>
    <message>
        <source>Case {id}</source>
        <translation>案例 {id}</translation>
    </message>
    <message>
        <source>closed: {result}</source>
        <translation>已结案：{result}</translation>
    </message>
    <message>
        <source>Case {id} · {kind} · {status}</source>
        <translation>案例 {id} · {kind} · {status}</translation>
    </message>
    <message>
        <source>Look up (Enter)</source>
        <translation>查询（回车）</translation>
    </message>
    <message>
        <source>Does the customer&apos;s phone show a payment voucher?</source>
        <translation>顾客手机上有支付凭证吗？</translation>
    </message>
    <message>
        <source>Yes (Y)</source>
        <translation>有（Y）</translation>
    </message>
    <message>
        <source>No (N)</source>
        <translation>没有（N）</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>This page is for another role. Press F12 to switch person.</source>
        <translation>此页面供其他角色使用。按 F12 切换人员。</translation>
    </message>
    <message>
        <source>This app has no merchant platform to set a key for.</source>
        <translation>本程序没有可设置密钥的商户平台。</translation>
    </message>
    <message>
        <source>Nothing to reprint on this page.</source>
        <translation>此页面没有可补打的内容。</translation>
    </message>
    <message>
        <source>Still running in the tray; receipts keep printing.</source>
        <translation>程序仍在托盘中运行，小票照常打印。</translation>
    </message>
    <message>
        <source>Cashier Companion — TRAINING</source>
        <translation>收银伴侣 — 培训模式</translation>
    </message>
    <message>
        <source>Cashier Companion</source>
        <translation>收银伴侣</translation>
    </message>
    <message>
        <source>Training mode — real orders are not affected</source>
        <translation>培训模式 — 不会影响真实订单</translation>
    </message>
    <message>
        <source>&amp;Settings</source>
        <translation>设置(&amp;S)</translation>
    </message>
    <message>
        <source>Platform &amp;key…</source>
        <translation>平台密钥(&amp;K)…</translation>
    </message>
</context>
<context>
    <name>ManagerPinDialog</name>
    <message>
        <source>Manager&apos;s PIN</source>
        <translation>店长 PIN</translation>
    </message>
    <message>
        <source>Manager &amp;number</source>
        <translation>店长编号(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;PIN</source>
        <translation>PIN(&amp;P)</translation>
    </message>
    <message>
        <source>Allow</source>
        <translation>授权</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>返回</translation>
    </message>
</context>
<context>
    <name>Messages</name>
    <message>
        <source>Printer ready</source>
        <translation>打印机正常</translation>
    </message>
    <message>
        <source>Printer not connected</source>
        <translation>打印机未连接</translation>
    </message>
    <message>
        <source>Check the printer&apos;s cable and power; printing resumes by itself.</source>
        <translation>请检查打印机的数据线和电源，恢复后会自动继续打印。</translation>
    </message>
    <message>
        <source>Printer offline</source>
        <translation>打印机离线</translation>
    </message>
    <message>
        <source>Switch the printer on or press its online button; printing resumes by itself.</source>
        <translation>请打开打印机电源或按联机键，恢复后会自动继续打印。</translation>
    </message>
    <message>
        <source>Printer cover open</source>
        <translation>打印机上盖打开</translation>
    </message>
    <message>
        <source>Close the printer cover; printing resumes by itself.</source>
        <translation>请合上打印机上盖，之后会自动继续打印。</translation>
    </message>
    <message>
        <source>Printer out of paper</source>
        <translation>打印机缺纸</translation>
    </message>
    <message>
        <source>Load a new paper roll; printing resumes by itself.</source>
        <translation>请装入新纸卷，之后会自动继续打印。</translation>
    </message>
    <message>
        <source>Printer paper low</source>
        <translation>打印机纸将尽</translation>
    </message>
    <message>
        <source>Have a new paper roll ready.</source>
        <translation>请准备好新纸卷。</translation>
    </message>
    <message>
        <source>Printer cutter fault</source>
        <translation>打印机切刀故障</translation>
    </message>
    <message>
        <source>Open the cover, clear the paper jam at the cutter, then close it.</source>
        <translation>请打开上盖，清除切刀处卡纸，然后合上。</translation>
    </message>
    <message>
        <source>Printer error</source>
        <translation>打印机故障</translation>
    </message>
    <message>
        <source>Switch the printer off and on again; call the technician if it stays.</source>
        <translation>请关闭打印机再重新打开；若仍有故障，请联系技术人员。</translation>
    </message>
    <message>
        <source>Printer not responding</source>
        <translation>打印机无响应</translation>
    </message>
    <message>
        <source>Check the printer&apos;s power and cable; printing resumes by itself.</source>
        <translation>请检查打印机的电源和数据线，恢复后会自动继续打印。</translation>
    </message>
    <message>
        <source>Printer status unknown</source>
        <translation>打印机状态未知</translation>
    </message>
    <message>
        <source>Printing failed</source>
        <translation>打印失败</translation>
    </message>
    <message>
        <source>Printing is retried by itself.</source>
        <translation>会自动重试打印。</translation>
    </message>
    <message>
        <source>The receipt could not be laid out for printing</source>
        <translation>小票排版失败，无法打印</translation>
    </message>
    <message>
        <source>Call the technician.</source>
        <translation>请联系技术人员。</translation>
    </message>
    <message>
        <source>No printer configured</source>
        <translation>未配置打印机</translation>
    </message>
    <message>
        <source>Ask the technician to set up the printer.</source>
        <translation>请联系技术人员设置打印机。</translation>
    </message>
    <message>
        <source>The printer&apos;s address is not a receipt printer</source>
        <translation>打印机地址上的设备不是小票打印机</translation>
    </message>
    <message>
        <source>Call the technician: the printer&apos;s address or port is wrong.</source>
        <translation>请联系技术员：打印机的地址或端口设置有误。</translation>
    </message>
    <message>
        <source>This printer connection does not work on this computer</source>
        <translation>本机不支持此打印机连接方式</translation>
    </message>
    <message>
        <source>Platform OK</source>
        <translation>平台正常</translation>
    </message>
    <message>
        <source>Platform connection lost</source>
        <translation>平台连接中断</translation>
    </message>
    <message>
        <source>Platform not configured</source>
        <translation>平台未配置</translation>
    </message>
    <message>
        <source>Platform connection lost: {reason}</source>
        <translation>平台连接中断：{reason}</translation>
    </message>
    <message>
        <source>Platform refuses this till: {reason}</source>
        <translation>平台拒绝本机：{reason}</translation>
    </message>
    <message>
        <source>the platform did not answer in time</source>
        <translation>平台响应超时</translation>
    </message>
    <message>
        <source>no network connection</source>
        <translation>网络连接失败</translation>
    </message>
    <message>
        <source>platform internal error</source>
        <translation>平台内部错误</translation>
    </message>
    <message>
        <source>payment channel error</source>
        <translation>支付渠道异常</translation>
    </message>
    <message>
        <source>platform under maintenance</source>
        <translation>平台维护中</translation>
    </message>
    <message>
        <source>signature check failed</source>
        <translation>签名校验失败</translation>
    </message>
    <message>
        <source>Ask the technician to check the merchant key.</source>
        <translation>请联系技术人员检查商户密钥。</translation>
    </message>
    <message>
        <source>too many requests, retrying shortly</source>
        <translation>请求过于频繁，稍后自动重试</translation>
    </message>
    <message>
        <source>merchant key missing or wrong</source>
        <translation>商户密钥缺失或错误</translation>
    </message>
    <message>
        <source>Ask the technician to enter the merchant key.</source>
        <translation>请联系技术人员录入商户密钥。</translation>
    </message>
    <message>
        <source>the platform rejects this till&apos;s merchant key</source>
        <translation>平台拒绝本机的商户密钥</translation>
    </message>
    <message>
        <source>Ask the technician to store the right merchant key (credentials check).</source>
        <translation>请技术人员保存正确的商户密钥（密钥检查）。</translation>
    </message>
    <message>
        <source>the platform rejects this computer&apos;s time</source>
        <translation>平台拒绝本机的时间</translation>
    </message>
    <message>
        <source>Set this computer&apos;s date and time correctly.</source>
        <translation>请把本机的日期和时间调准。</translation>
    </message>
    <message>
        <source>this terminal is not bound to the merchant</source>
        <translation>本终端未绑定到商户</translation>
    </message>
    <message>
        <source>Ask the technician to bind this terminal on the platform.</source>
        <translation>请联系技术人员在平台上绑定本终端。</translation>
    </message>
    <message>
        <source>the platform refused the request</source>
        <translation>平台拒绝了请求</translation>
    </message>
    <message>
        <source>Call technical support.</source>
        <translation>请联系技术支持。</translation>
    </message>
    <message>
        <source>the platform&apos;s answer could not be read</source>
        <translation>无法识别平台的应答</translation>
    </message>
    <message>
        <source>the platform&apos;s answer contradicts an earlier one</source>
        <translation>平台的应答与之前的结果矛盾</translation>
    </message>
    <message>
        <source>a sync of this order is still running</source>
        <translation>这笔订单正在同步中</translation>
    </message>
    <message>
        <source>the request was refused as a repeat</source>
        <translation>请求被当作重复请求拒绝</translation>
    </message>
    <message>
        <source>the app is stopping</source>
        <translation>程序正在退出</translation>
    </message>
    <message>
        <source>the platform would not close the order</source>
        <translation>平台无法关闭这笔订单</translation>
    </message>
    <message>
        <source>merchant key missing</source>
        <translation>商户密钥缺失</translation>
    </message>
    <message>
        <source>merchant key is wrong</source>
        <translation>商户密钥错误</translation>
    </message>
    <message>
        <source>the system keyring cannot be reached</source>
        <translation>无法访问系统钥匙串</translation>
    </message>
    <message>
        <source>the merchant key cannot be read</source>
        <translation>无法读取商户密钥</translation>
    </message>
    <message>
        <source>the file is empty</source>
        <translation>文件为空</translation>
    </message>
    <message>
        <source>the file is not text</source>
        <translation>文件不是文本</translation>
    </message>
    <message>
        <source>the file is too large for a receipt</source>
        <translation>文件过大，不是小票</translation>
    </message>
    <message>
        <source>the file&apos;s characters cannot be read</source>
        <translation>文件中的文字无法识别</translation>
    </message>
    <message>
        <source>the file&apos;s name is not readable text</source>
        <translation>文件名不是可读的文字</translation>
    </message>
    <message>
        <source>the file could not be read (a fault in the app)</source>
        <translation>无法读取该文件（程序故障）</translation>
    </message>
    <message>
        <source>it is a link to another file, which is not read</source>
        <translation>它是指向其他文件的链接，不会读取</translation>
    </message>
    <message>
        <source>it is a pipe, not a file</source>
        <translation>它是管道，不是文件</translation>
    </message>
    <message>
        <source>it is a socket, not a file</source>
        <translation>它是套接字，不是文件</translation>
    </message>
    <message>
        <source>it is a device, not a file</source>
        <translation>它是设备，不是文件</translation>
    </message>
    <message>
        <source>it is not a regular file</source>
        <translation>它不是普通文件</translation>
    </message>
    <message>
        <source>File {name} was not taken as a receipt: {reason}</source>
        <translation>文件 {name} 未作为小票接收：{reason}</translation>
    </message>
    <message>
        <source>The till&apos;s folder {path} is missing: new receipts are not being picked up.</source>
        <translation>收银机的文件夹 {path} 不存在，新的小票暂时无法读取。</translation>
    </message>
    <message>
        <source>Check that the drive or network share is connected.</source>
        <translation>请检查磁盘或网络共享是否已连接。</translation>
    </message>
    <message>
        <source>The till&apos;s folder {path} is back.</source>
        <translation>收银机的文件夹 {path} 已恢复。</translation>
    </message>
    <message>
        <source>Printer {printer} is ready again; held receipts are printing.</source>
        <translation>打印机 {printer} 已恢复，暂停的小票正在打印。</translation>
    </message>
    <message>
        <source>Connection to the platform restored.</source>
        <translation>平台连接已恢复。</translation>
    </message>
    <message>
        <source>Reprint of order {out_trade_no} queued.</source>
        <translation>订单 {out_trade_no} 的补打已加入打印队列。</translation>
    </message>
    <message>
        <source>Print job for order {out_trade_no} cancelled.</source>
        <translation>订单 {out_trade_no} 的打印任务已取消。</translation>
    </message>
    <message>
        <source>A receipt cut off while printing was printed again (order {out_trade_no}).</source>
        <translation>一张打印中断的小票已重新打印，并标记为补打（订单 {out_trade_no}）。</translation>
    </message>
    <message>
        <source>Order {out_trade_no} is paid but has no receipt.</source>
        <translation>订单 {out_trade_no} 已支付，但没有小票。</translation>
    </message>
    <message>
        <source>Reprint it from the order, or check the till.</source>
        <translation>请按订单补打，或检查收银机。</translation>
    </message>
    <message>
        <source>Order {out_trade_no} has a receipt but the platform says it is not paid.</source>
        <translation>订单 {out_trade_no} 有小票，但平台显示未支付。</translation>
    </message>
    <message>
        <source>Do not hand over the goods until the payment is confirmed.</source>
        <translation>确认收款前请勿交付商品。</translation>
    </message>
    <message>
        <source>Order {out_trade_no} is still waiting for the customer&apos;s password.</source>
        <translation>订单 {out_trade_no} 仍在等待顾客输入密码。</translation>
    </message>
    <message>
        <source>Secrets are kept in a fallback store ({backend}), not the system keyring.</source>
        <translation>密钥保存在备用存储（{backend}）中，而不是系统钥匙串。</translation>
    </message>
    <message>
        <source>The disk is full: {waiting} receipt file(s) wait to be recorded and printed.</source>
        <translation>磁盘已满：有 {waiting} 个小票文件等待记录和打印。</translation>
    </message>
    <message>
        <source>Free disk space (call the technician); they are taken in by themselves then.</source>
        <translation>请腾出磁盘空间（联系技术人员）；之后会自动补记并打印。</translation>
    </message>
    <message>
        <source>Disk space is back: {count} waiting receipt file(s) were recorded.</source>
        <translation>磁盘空间已恢复：等待中的 {count} 个小票文件已记录。</translation>
    </message>
    <message>
        <source>The till wrote the receipt of order {out_trade_no} again: not printed twice.</source>
        <translation>收银机再次写出了订单 {out_trade_no} 的小票：不会重复打印。</translation>
    </message>
    <message>
        <source>To give the customer a copy, reprint it (Ctrl+P).</source>
        <translation>如需给顾客一份副本，请补打（Ctrl+P）。</translation>
    </message>
    <message>
        <source>The receipt of order {out_trade_no} goes to printer {printer}.</source>
        <translation>订单 {out_trade_no} 的小票已转到打印机 {printer}。</translation>
    </message>
    <message>
        <source>The journal was copied to {path}.</source>
        <translation>日志已备份到 {path}。</translation>
    </message>
    <message>
        <source>The journal&apos;s daily copy failed: {detail}</source>
        <translation>日志每日备份失败：{detail}</translation>
    </message>
    <message>
        <source>Check the backup folder (is the drive there, is there space?).</source>
        <translation>请检查备份文件夹（磁盘是否连接，空间是否足够）。</translation>
    </message>
    <message>
        <source>Training step {step}/{of}: {lesson}</source>
        <translation>第 {step}/{of} 步：{lesson}</translation>
    </message>
    <message>
        <source>Training: the paper roll is back in; the held receipts print now.</source>
        <translation>培训：新纸卷已装好，暂停的小票正在打印。</translation>
    </message>
    <message>
        <source>Not paid</source>
        <translation>未支付</translation>
    </message>
    <message>
        <source>Paying</source>
        <translation>支付中</translation>
    </message>
    <message>
        <source>Paid</source>
        <translation>已支付</translation>
    </message>
    <message>
        <source>Payment failed</source>
        <translation>支付失败</translation>
    </message>
    <message>
        <source>Revoked</source>
        <translation>已撤销</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>已关闭</translation>
    </message>
    <message>
        <source>Partly refunded</source>
        <translation>部分退款</translation>
    </message>
    <message>
        <source>Refunded</source>
        <translation>已退款</translation>
    </message>
    <message>
        <source>State unknown</source>
        <translation>状态未知</translation>
    </message>
    <message>
        <source>Paid, no receipt</source>
        <translation>已付款无小票</translation>
    </message>
    <message>
        <source>Dropped order</source>
        <translation>掉单</translation>
    </message>
    <message>
        <source>Payment stuck</source>
        <translation>支付卡住</translation>
    </message>
    <message>
        <source>Printer fault</source>
        <translation>打印机故障</translation>
    </message>
    <message>
        <source>Platform fault</source>
        <translation>平台故障</translation>
    </message>
    <message>
        <source>Receipt printed twice</source>
        <translation>小票重复打印</translation>
    </message>
    <message>
        <source>Receipt without payment</source>
        <translation>有小票未付款</translation>
    </message>
    <message>
        <source>Disk full</source>
        <translation>磁盘已满</translation>
    </message>
    <message>
        <source>Amount mismatch</source>
        <translation>金额不符</translation>
    </message>
    <message>
        <source>Paid on the platform, no receipt from the till in time.</source>
        <translation>平台显示已付款，但收银机没有按时出小票。</translation>
    </message>
    <message>
        <source>Customer shows paid, the platform says unpaid (dropped order).</source>
        <translation>顾客显示已付款，平台显示未支付（掉单）。</translation>
    </message>
    <message>
        <source>The order is not paid and the customer has no voucher.</source>
        <translation>订单未支付，顾客也没有支付凭证。</translation>
    </message>
    <message>
        <source>The payment failed at the payment channel.</source>
        <translation>支付渠道返回支付失败。</translation>
    </message>
    <message>
        <source>The order was refunded after its sale receipt.</source>
        <translation>订单在打印销售小票后被退款。</translation>
    </message>
    <message>
        <source>The order waited for payment too long.</source>
        <translation>订单等待支付的时间过长。</translation>
    </message>
    <message>
        <source>A printer fault held the print queue.</source>
        <translation>打印机故障，打印队列暂停。</translation>
    </message>
    <message>
        <source>The merchant platform could not be reached.</source>
        <translation>无法连接商户平台。</translation>
    </message>
    <message>
        <source>The same order was printed twice as an original.</source>
        <translation>同一订单的小票被当作原件打印了两次。</translation>
    </message>
    <message>
        <source>A receipt was printed but the platform does not show the order paid.</source>
        <translation>已打印小票，但平台显示订单未支付。</translation>
    </message>
    <message>
        <source>The disk was full: receipt files waited and were taken in once there was space.</source>
        <translation>磁盘曾满：小票文件在有空间后才补记。</translation>
    </message>
    <message>
        <source>The receipt&apos;s amount is not the amount the platform took.</source>
        <translation>小票金额与平台实收金额不一致。</translation>
    </message>
    <message>
        <source>The platform answers but refuses this till: its merchant key, its clock or its registration.</source>
        <translation>平台有应答，但拒绝本机：商户密钥、时钟或终端登记有问题。</translation>
    </message>
    <message>
        <source>Receipt reprinted</source>
        <translation>已补打小票</translation>
    </message>
    <message>
        <source>Receipt printed</source>
        <translation>已打印小票</translation>
    </message>
    <message>
        <source>Paid after sync</source>
        <translation>同步后已支付</translation>
    </message>
    <message>
        <source>Order closed, payment taken again</source>
        <translation>已关单并重新收款</translation>
    </message>
    <message>
        <source>Money returned to the customer</source>
        <translation>款项原路退回</translation>
    </message>
    <message>
        <source>Reported for handling</source>
        <translation>已上报处理</translation>
    </message>
    <message>
        <source>Resolved by itself</source>
        <translation>已自动恢复</translation>
    </message>
    <message>
        <source>No action needed</source>
        <translation>无需处理</translation>
    </message>
    <message>
        <source>Fault fixed</source>
        <translation>故障已排除</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>其他</translation>
    </message>
    <message>
        <source>Being handled</source>
        <translation>处理中</translation>
    </message>
    <message>
        <source>Handled</source>
        <translation>已结案</translation>
    </message>
    <message>
        <source>Raised</source>
        <translation>发现异常</translation>
    </message>
    <message>
        <source>Looked up</source>
        <translation>查询</translation>
    </message>
    <message>
        <source>Synced</source>
        <translation>同步</translation>
    </message>
    <message>
        <source>Order closed</source>
        <translation>关闭订单</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Reported</source>
        <translation>上报</translation>
    </message>
    <message>
        <source>Case closed</source>
        <translation>结案</translation>
    </message>
    <message>
        <source>System</source>
        <translation>系统</translation>
    </message>
    <message>
        <source>Customer shows a payment voucher</source>
        <translation>顾客有支付凭证</translation>
    </message>
    <message>
        <source>Customer has no payment voucher</source>
        <translation>顾客没有支付凭证</translation>
    </message>
    <message>
        <source>Customer not asked yet</source>
        <translation>还没有询问顾客</translation>
    </message>
    <message>
        <source>The platform would not close the order</source>
        <translation>平台无法关闭这笔订单</translation>
    </message>
    <message>
        <source>Order not found</source>
        <translation>未找到订单</translation>
    </message>
    <message>
        <source>Not findable by the third-party number yet</source>
        <translation>第三方订单号暂时查不到</translation>
    </message>
    <message>
        <source>No payment started for this number yet</source>
        <translation>该单号尚未发起支付</translation>
    </message>
    <message>
        <source>State unknown ({reason})</source>
        <translation>状态未知（{reason}）</translation>
    </message>
    <message>
        <source>Print job {job} queued</source>
        <translation>打印任务 {job} 已排队</translation>
    </message>
    <message>
        <source>Merchant order number</source>
        <translation>商户订单号</translation>
    </message>
    <message>
        <source>Third-party order number</source>
        <translation>第三方订单号</translation>
    </message>
    <message>
        <source>Paid. You can reprint the receipt.</source>
        <translation>已支付。可以补打小票。</translation>
    </message>
    <message>
        <source>Paid, partly refunded. You can reprint the receipt; the refund goes back by itself.</source>
        <translation>已支付，部分退款。可以补打小票；退款部分会原路退回顾客。</translation>
    </message>
    <message>
        <source>The customer has paid but the platform shows unpaid: possibly a dropped order. Press &quot;Sync order&quot;.</source>
        <translation>顾客已付款但平台显示未支付，可能是掉单。请点&quot;同步订单&quot;。</translation>
    </message>
    <message>
        <source>Still unpaid after the sync. Do not take payment again; sync once more or report it for handling.</source>
        <translation>同步后平台仍显示未支付。请勿重新收款；可以再同步一次，或上报处理。</translation>
    </message>
    <message>
        <source>The payment did not go through. Close the order first, then take payment again with a new order.</source>
        <translation>支付未成功。请先关闭原订单，再用新订单号重新收款。</translation>
    </message>
    <message>
        <source>The customer may still be entering the password. Wait; if they give up, close the order before taking payment again.</source>
        <translation>顾客可能还在输入支付密码，请稍等；如果顾客放弃，请先关闭原订单，再重新收款。</translation>
    </message>
    <message>
        <source>The platform shows unpaid. Ask the customer first:</source>
        <translation>平台显示未支付。请先问顾客：</translation>
    </message>
    <message>
        <source>The payment failed; the customer was not charged. You can take payment again with a new order.</source>
        <translation>支付失败，顾客没有被扣款。可以用新订单号重新收款。</translation>
    </message>
    <message>
        <source>The order was closed before it was paid: no money was taken. Take payment again with a new order.</source>
        <translation>订单在付款前已关闭：没有扣款。请用新订单重新收款。</translation>
    </message>
    <message>
        <source>The order was revoked or refunded: the money goes back to the customer by itself. No receipt to print.</source>
        <translation>订单已撤销或退款，款项会自动原路退回顾客，无需打印小票。</translation>
    </message>
    <message>
        <source>The platform cannot tell whether this order is paid. Press &quot;Sync order&quot; to ask the payment channel; do not take payment again.</source>
        <translation>平台也无法确定这笔订单是否已支付。请点&quot;同步订单&quot;向支付渠道确认；请勿重新收款。</translation>
    </message>
    <message>
        <source>No order with this number. Check the number and look it up again.</source>
        <translation>没有找到这个订单号。请核对号码后再查。</translation>
    </message>
    <message>
        <source>The platform has not yet heard of this payment from the channel, so the third-party number finds nothing yet. Look it up by the merchant order number.</source>
        <translation>平台还没有收到支付渠道的成功通知，第三方订单号暂时查不到。请用商户订单号查询。</translation>
    </message>
    <message>
        <source>The order&apos;s state cannot be confirmed right now. Do not take payment again; look it up later or call technical support.</source>
        <translation>暂时无法确认订单状态，请勿重新收款，稍后再查或联系技术支持。</translation>
    </message>
    <message>
        <source>The payment channel itself says this order is not paid; there is nothing to sync. Check that the voucher shows this merchant order number and this store, then look it up again.</source>
        <translation>支付渠道本身显示此订单未支付，无需补单。请核对顾客支付凭证上的商户订单号和收款门店是否一致，然后重新查询。</translation>
    </message>
    <message>
        <source>No payment has started for this number yet: the customer has not scanned the code, or the number is wrong. The code can still be paid: do not take payment again; ask the customer and look it up again.</source>
        <translation>该单号尚未发起支付：顾客还没有扫码，或单号有误。该收款码仍可被支付：请勿重复收款，先询问顾客，再重新查询。</translation>
    </message>
    <message>
        <source>{platform} is the payment channel itself: its answer is final, a fresh look-up is the sync.</source>
        <translation>{platform}本身就是支付渠道：查询结果即为最终结果，重新查询即是补单。</translation>
    </message>
    <message>
        <source>The merchant platform</source>
        <translation>商户平台</translation>
    </message>
    <message>
        <source>WeChat Pay</source>
        <translation>微信支付</translation>
    </message>
    <message>
        <source>Paid, but no receipt was printed. Print the receipt.</source>
        <translation>已支付，但还没有打印小票。请打印小票。</translation>
    </message>
    <message>
        <source>Result: {code}</source>
        <translation>结果：{code}</translation>
    </message>
    <message>
        <source>Paid. The receipt is printing.</source>
        <translation>已支付。小票正在打印。</translation>
    </message>
    <message>
        <source>Paid. The receipt waits for the printer.</source>
        <translation>已支付。小票在等打印机。</translation>
    </message>
    <message>
        <source>Reprint receipt</source>
        <translation>补打小票</translation>
    </message>
    <message>
        <source>Print receipt</source>
        <translation>打印小票</translation>
    </message>
    <message>
        <source>Sync order</source>
        <translation>同步订单</translation>
    </message>
    <message>
        <source>Close order and take payment again</source>
        <translation>关闭订单并重新收款</translation>
    </message>
    <message>
        <source>Look up by merchant order number</source>
        <translation>按商户订单号查询</translation>
    </message>
    <message>
        <source>Look up again</source>
        <translation>再查一次</translation>
    </message>
    <message>
        <source>Report for handling</source>
        <translation>上报处理</translation>
    </message>
    <message>
        <source>Check the number</source>
        <translation>核对号码</translation>
    </message>
    <message>
        <source>Payment taken again</source>
        <translation>已重新收款</translation>
    </message>
    <message>
        <source>This is not an order number.</source>
        <translation>这不是有效的订单号。</translation>
    </message>
    <message>
        <source>Check the number and type or scan it again.</source>
        <translation>请核对后重新输入或扫描。</translation>
    </message>
    <message>
        <source>This case no longer exists.</source>
        <translation>这个案例已不存在。</translation>
    </message>
    <message>
        <source>This case is already closed.</source>
        <translation>这个案例已经结案。</translation>
    </message>
    <message>
        <source>Choose how the case ended.</source>
        <translation>请选择处理结果。</translation>
    </message>
    <message>
        <source>This step is not allowed for this order now.</source>
        <translation>这笔订单现在不能执行这个操作。</translation>
    </message>
    <message>
        <source>Look the order up again.</source>
        <translation>请重新查询订单。</translation>
    </message>
    <message>
        <source>The receipt could not be sent to the print queue.</source>
        <translation>小票无法加入打印队列。</translation>
    </message>
    <message>
        <source>Check the printer, then try again.</source>
        <translation>请检查打印机后重试。</translation>
    </message>
    <message>
        <source>This print job has just been printed or cancelled.</source>
        <translation>这个打印任务刚刚已打印或已取消。</translation>
    </message>
    <message>
        <source>Look at the receipts list for its state.</source>
        <translation>请在小票列表中查看它的状态。</translation>
    </message>
    <message>
        <source>Nothing printed: this order&apos;s receipt was printed or queued meanwhile.</source>
        <translation>没有打印：这笔订单的小票刚刚已打印或已在排队。</translation>
    </message>
    <message>
        <source>The page shows it as it is now.</source>
        <translation>页面已显示最新情况。</translation>
    </message>
    <message>
        <source>This receipt was printed already: ask for a copy (reprint) instead.</source>
        <translation>这张小票已经打印过：如需副本请补打。</translation>
    </message>
    <message>
        <source>Not printed twice: this receipt is still waiting for the printer.</source>
        <translation>不会重复打印：这张小票还在等打印机。</translation>
    </message>
    <message>
        <source>It prints by itself once the printer is ready; retry or move it in the banner.</source>
        <translation>打印机恢复后会自动打印；也可以在提示栏中重试或改用其他打印机。</translation>
    </message>
    <message>
        <source>A copy of this receipt is already on its way to the printer.</source>
        <translation>这张小票的一份副本已在打印中。</translation>
    </message>
    <message>
        <source>The lookup failed.</source>
        <translation>查询失败。</translation>
    </message>
    <message>
        <source>Order lookup is not available.</source>
        <translation>订单查询不可用。</translation>
    </message>
    <message>
        <source>Ask the technician to set up the merchant platform.</source>
        <translation>请维护人员配置商户平台。</translation>
    </message>
    <message>
        <source>Give the whole number, or at least its last 4 digits.</source>
        <translation>请输入完整单号，或至少后4位。</translation>
    </message>
    <message>
        <source>This is not an amount in yuan.</source>
        <translation>这不是以元为单位的金额。</translation>
    </message>
    <message>
        <source>Type it like 38.50, or a range like 30-40.</source>
        <translation>请输入如 38.50，或范围如 30-40。</translation>
    </message>
    <message>
        <source>Give one amount or a range, not both.</source>
        <translation>请输入一个金额或一个范围，不要同时输入。</translation>
    </message>
    <message>
        <source>The largest amount is below the smallest.</source>
        <translation>最大金额小于最小金额。</translation>
    </message>
    <message>
        <source>This is not a date.</source>
        <translation>这不是日期。</translation>
    </message>
    <message>
        <source>Type it like 2026-11-24, or 2026-11-24 14:30.</source>
        <translation>请输入如 2026-11-24，或 2026-11-24 14:30。</translation>
    </message>
    <message>
        <source>The end of the dates is before their start.</source>
        <translation>结束日期早于开始日期。</translation>
    </message>
    <message>
        <source>Choose a payment channel from the list.</source>
        <translation>请从列表中选择支付渠道。</translation>
    </message>
    <message>
        <source>Choose a receipt state from the list.</source>
        <translation>请从列表中选择小票状态。</translation>
    </message>
    <message>
        <source>This receipt is not in the journal.</source>
        <translation>日志中没有这张小票。</translation>
    </message>
    <message>
        <source>This print job is not one of the receipt&apos;s.</source>
        <translation>这个打印任务不属于这张小票。</translation>
    </message>
    <message>
        <source>No such shift on this day.</source>
        <translation>这一天没有这个班次。</translation>
    </message>
    <message>
        <source>This day has not begun yet.</source>
        <translation>这一天还没开始。</translation>
    </message>
    <message>
        <source>The journal could not be copied: {detail}</source>
        <translation>日志无法备份：{detail}</translation>
    </message>
    <message>
        <source>Wrong person number or PIN.</source>
        <translation>人员编号或 PIN 错误。</translation>
    </message>
    <message>
        <source>Too many wrong PINs: this number is locked until {until}.</source>
        <translation>PIN 错误次数过多：此编号已锁定至 {until}。</translation>
    </message>
    <message>
        <source>A manager can set a new PIN on the People page.</source>
        <translation>店长可以在“人员”页面设置新的 PIN。</translation>
    </message>
    <message>
        <source>This person number is disabled.</source>
        <translation>此人员编号已停用。</translation>
    </message>
    <message>
        <source>Ask the manager.</source>
        <translation>请联系店长。</translation>
    </message>
    <message>
        <source>Only a manager&apos;s PIN can allow this.</source>
        <translation>只有店长的 PIN 才能授权此操作。</translation>
    </message>
    <message>
        <source>A manager&apos;s PIN is needed for this.</source>
        <translation>此操作需要店长输入 PIN。</translation>
    </message>
    <message>
        <source>Sign in first.</source>
        <translation>请先登录。</translation>
    </message>
    <message>
        <source>This person number exists already.</source>
        <translation>此人员编号已存在。</translation>
    </message>
    <message>
        <source>There is no such person number.</source>
        <translation>没有这个人员编号。</translation>
    </message>
    <message>
        <source>A person number is 1 to 16 letters or digits.</source>
        <translation>人员编号为 1 到 16 位字母或数字。</translation>
    </message>
    <message>
        <source>A name has at most 40 characters.</source>
        <translation>姓名最多 40 个字。</translation>
    </message>
    <message>
        <source>Choose a role.</source>
        <translation>请选择角色。</translation>
    </message>
    <message>
        <source>The last manager cannot be disabled.</source>
        <translation>不能停用最后一位店长。</translation>
    </message>
    <message>
        <source>Add another manager first.</source>
        <translation>请先添加另一位店长。</translation>
    </message>
    <message>
        <source>You cannot disable yourself while signed in.</source>
        <translation>登录状态下不能停用自己。</translation>
    </message>
    <message>
        <source>A manager exists already: ask a manager to add you.</source>
        <translation>已有店长：请让店长为您添加账号。</translation>
    </message>
    <message>
        <source>A PIN is digits only.</source>
        <translation>PIN 只能是数字。</translation>
    </message>
    <message>
        <source>A PIN has at least 4 digits.</source>
        <translation>PIN 至少 4 位数字。</translation>
    </message>
    <message>
        <source>A PIN has at most 12 digits.</source>
        <translation>PIN 最多 12 位数字。</translation>
    </message>
    <message>
        <source>Choose a PIN that is not one digit repeated, a run like 1234, or the person number.</source>
        <translation>请选择不是重复数字、不是 1234 这样的连号、也不是人员编号的 PIN。</translation>
    </message>
    <message>
        <source>The two PINs are not the same.</source>
        <translation>两次输入的 PIN 不一致。</translation>
    </message>
    <message>
        <source>Cashier</source>
        <translation>收银员</translation>
    </message>
    <message>
        <source>Manager</source>
        <translation>店长</translation>
    </message>
    <message>
        <source>Technician</source>
        <translation>技术员</translation>
    </message>
    <message>
        <source>A manager&apos;s PIN is needed to reprint a receipt.</source>
        <translation>补打小票需要店长输入 PIN。</translation>
    </message>
    <message>
        <source>A manager&apos;s PIN is needed to cancel a print job.</source>
        <translation>取消打印任务需要店长输入 PIN。</translation>
    </message>
    <message>
        <source>A manager&apos;s PIN is needed to move a print job to another printer.</source>
        <translation>把打印任务转到另一台打印机需要店长输入 PIN。</translation>
    </message>
    <message>
        <source>A manager&apos;s PIN is needed to close an order.</source>
        <translation>关单需要店长输入 PIN。</translation>
    </message>
    <message>
        <source>A manager&apos;s PIN is needed to close a case.</source>
        <translation>结案需要店长输入 PIN。</translation>
    </message>
    <message>
        <source>A manager&apos;s PIN is needed to change the settings.</source>
        <translation>修改设置需要店长输入 PIN。</translation>
    </message>
    <message>
        <source>A manager&apos;s PIN is needed to change the platform key.</source>
        <translation>更改平台密钥需要店长输入 PIN。</translation>
    </message>
    <message>
        <source>A manager&apos;s PIN is needed to manage people.</source>
        <translation>管理人员需要店长输入 PIN。</translation>
    </message>
    <message>
        <source>A manager&apos;s PIN is needed to see the audit trail.</source>
        <translation>查看操作记录需要店长输入 PIN。</translation>
    </message>
    <message>
        <source>A manager&apos;s PIN is needed for the technician&apos;s tools.</source>
        <translation>使用技术员工具需要店长输入 PIN。</translation>
    </message>
    <message>
        <source>Receipt printed from the platform&apos;s record</source>
        <translation>按平台记录打印小票</translation>
    </message>
    <message>
        <source>Print job cancelled</source>
        <translation>打印任务已取消</translation>
    </message>
    <message>
        <source>Print job moved</source>
        <translation>打印任务已转移</translation>
    </message>
    <message>
        <source>Signed in</source>
        <translation>登录</translation>
    </message>
    <message>
        <source>Signed out</source>
        <translation>退出登录</translation>
    </message>
    <message>
        <source>Sign-in refused</source>
        <translation>登录被拒</translation>
    </message>
    <message>
        <source>Locked after wrong PINs</source>
        <translation>PIN 错误次数过多被锁定</translation>
    </message>
    <message>
        <source>Manager&apos;s approval refused</source>
        <translation>店长授权被拒</translation>
    </message>
    <message>
        <source>Person added</source>
        <translation>添加人员</translation>
    </message>
    <message>
        <source>Person disabled</source>
        <translation>停用人员</translation>
    </message>
    <message>
        <source>Person enabled again</source>
        <translation>重新启用人员</translation>
    </message>
    <message>
        <source>PIN changed</source>
        <translation>更改 PIN</translation>
    </message>
    <message>
        <source>Settings changed</source>
        <translation>修改设置</translation>
    </message>
    <message>
        <source>Platform key changed</source>
        <translation>更改平台密钥</translation>
    </message>
    <message>
        <source>Platform key deleted</source>
        <translation>删除平台密钥</translation>
    </message>
    <message>
        <source>Case used as a training lesson</source>
        <translation>案例用作培训课程</translation>
    </message>
    <message>
        <source>shift change</source>
        <translation>交班</translation>
    </message>
    <message>
        <source>idle</source>
        <translation>长时间未操作</translation>
    </message>
    <message>
        <source>app closed</source>
        <translation>程序关闭</translation>
    </message>
    <message>
        <source>Ask the technician to set up the system keyring.</source>
        <translation>请联系技术人员设置系统钥匙串。</translation>
    </message>
    <message>
        <source>Cashier Companion is already running. Look for it in the taskbar or tray.</source>
        <translation>收银伴侣已经在运行。请在任务栏或托盘中找到它。</translation>
    </message>
    <message>
        <source>New case: {kind}, order {out_trade_no}.</source>
        <translation>新异常：{kind}，订单 {out_trade_no}。</translation>
    </message>
    <message>
        <source>See the cases page.</source>
        <translation>请查看“异常案例”页。</translation>
    </message>
    <message>
        <source>Case {case_id} updated.</source>
        <translation>案例 {case_id} 已更新。</translation>
    </message>
    <message>
        <source>No till folder is set up: receipts are not being picked up.</source>
        <translation>没有设置收银机的小票文件夹：小票不会被读取。</translation>
    </message>
    <message>
        <source>Ask the technician to set the till&apos;s print folder.</source>
        <translation>请维护人员设置收银机的打印文件夹。</translation>
    </message>
    <message>
        <source>A receipt file could not be taken: {path}</source>
        <translation>无法读取小票文件：{path}</translation>
    </message>
    <message>
        <source>New case: {kind}.</source>
        <translation>新异常：{kind}。</translation>
    </message>
    <message>
        <source>Notice: {code}</source>
        <translation>提示：{code}</translation>
    </message>
    <message>
        <source>The action failed: {detail}</source>
        <translation>操作失败：{detail}</translation>
    </message>
    <message>
        <source>WeChat</source>
        <translation>微信</translation>
    </message>
    <message>
        <source>Alipay</source>
        <translation>支付宝</translation>
    </message>
    <message>
        <source>UnionPay QuickPass</source>
        <translation>云闪付</translation>
    </message>
    <message>
        <source>Bank card</source>
        <translation>银行卡</translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation>未知</translation>
    </message>
    <message>
        <source>Sale</source>
        <translation>消费</translation>
    </message>
    <message>
        <source>Refund</source>
        <translation>退款</translation>
    </message>
    <message>
        <source>Printed</source>
        <translation>已打印</translation>
    </message>
    <message>
        <source>Waiting to print</source>
        <translation>等待打印</translation>
    </message>
    <message>
        <source>Printing held</source>
        <translation>暂停打印</translation>
    </message>
    <message>
        <source>Printed by the till</source>
        <translation>收银机打印</translation>
    </message>
    <message>
        <source>Not printed</source>
        <translation>未打印</translation>
    </message>
    <message>
        <source>Reprinted</source>
        <translation>已补打</translation>
    </message>
    <message>
        <source>Waiting</source>
        <translation>排队中</translation>
    </message>
    <message>
        <source>Printing</source>
        <translation>打印中</translation>
    </message>
    <message>
        <source>Held</source>
        <translation>已暂停</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>已完成</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <source>Unknown ({code})</source>
        <translation>未知（{code}）</translation>
    </message>
</context>
<context>
    <name>MissingReceiptBanner</name>
    <message>
        <source>Not printed: the state of order {order} cannot be confirmed right now ({reason}). Do not take payment again; try again in a moment.</source>
        <translation>未打印：暂时无法确认订单 {order} 的状态（{reason}）。请勿重新收款，稍后再试。</translation>
    </message>
    <message>
        <source>Not printed: order {order} is {state} now.</source>
        <translation>未打印：订单 {order} 现在是“{state}”。</translation>
    </message>
    <message>
        <source>Not printed: {verdict}</source>
        <translation>未打印：{verdict}</translation>
    </message>
    <message>
        <source>Paid, no receipt printed: order {order}  {amount}</source>
        <translation>已付款未出小票：订单 {order}  {amount}</translation>
    </message>
    <message>
        <source>Print receipt</source>
        <translation>打印小票</translation>
    </message>
    <message>
        <source>Print this order&apos;s receipt from the platform&apos;s record</source>
        <translation>按平台记录打印本订单的小票</translation>
    </message>
    <message>
        <source>Receipt of order {order} sent to the printer (from the platform&apos;s record).</source>
        <translation>订单 {order} 的小票已送去打印（按平台记录补打）。</translation>
    </message>
    <message>
        <source>Checking the order with the platform, then printing…</source>
        <translation>正在向平台确认订单，随后打印…</translation>
    </message>
    <message>
        <source>Paid, no receipt printed: order {order} {amount}. Press F9 to print its receipt.</source>
        <translation>已付款未出小票：订单 {order} {amount}。按 F9 打印小票。</translation>
    </message>
    <message>
        <source>Paid, no receipt printed: order {order} {amount}. Its print button is in the banner at the top.</source>
        <translation>已付款未出小票：订单 {order} {amount}。请点窗口顶部提示条里的“打印小票”。</translation>
    </message>
    <message>
        <source>No paid order is waiting for its receipt.</source>
        <translation>没有等待打印小票的已付款订单。</translation>
    </message>
    <message>
        <source>Still printing order {order}; one moment.</source>
        <translation>正在打印订单 {order}，请稍候。</translation>
    </message>
    <message>
        <source>Not printed: {reason}</source>
        <translation>未打印：{reason}</translation>
    </message>
    <message>
        <source>and {count} more orders waiting for their receipt (see the cases page)</source>
        <translation>另有 {count} 单等待打印小票（见“异常案例”页）</translation>
    </message>
</context>
<context>
    <name>PrinterChoiceDialog</name>
    <message>
        <source>Print on another printer</source>
        <translation>转到其他打印机</translation>
    </message>
    <message>
        <source>Print the receipt of order {order} on this printer instead:</source>
        <translation>改用下面这台打印机打印订单 {order} 的小票：</translation>
    </message>
    <message>
        <source>Send to this printer</source>
        <translation>转到这台打印机</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>返回</translation>
    </message>
</context>
<context>
    <name>ReasonDialog</name>
    <message>
        <source>Choose or type a reason</source>
        <translation>选择或输入原因</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>返回</translation>
    </message>
    <message>
        <source>Customer asked for a copy</source>
        <translation>顾客要求补打</translation>
    </message>
    <message>
        <source>Receipt unreadable</source>
        <translation>小票字迹不清</translation>
    </message>
    <message>
        <source>Paper jam</source>
        <translation>卡纸</translation>
    </message>
    <message>
        <source>Printer fault fixed</source>
        <translation>打印机故障已排除</translation>
    </message>
    <message>
        <source>Receipt no longer needed</source>
        <translation>不再需要小票</translation>
    </message>
    <message>
        <source>Order was cancelled</source>
        <translation>订单已取消</translation>
    </message>
    <message>
        <source>Already printed another way</source>
        <translation>已用其他方式打印</translation>
    </message>
</context>
<context>
    <name>ReceiptPicture</name>
    <message>
        <source>As printed: drawn from the bytes the printer took.</source>
        <translation>与打印一致：按打印机收到的数据绘制。</translation>
    </message>
    <message>
        <source>As it will print: this copy is still waiting.</source>
        <translation>将这样打印：这一联还在等待打印。</translation>
    </message>
    <message>
        <source>Laid out again from the receipt: the bytes sent are no longer kept.</source>
        <translation>按小票内容重新排版：当时发送的数据已不再保存。</translation>
    </message>
    <message>
        <source>As it would print: this app has not printed it.</source>
        <translation>打印效果预览：本程序未打印过这张小票。</translation>
    </message>
    <message>
        <source>Original</source>
        <translation>原件</translation>
    </message>
    <message>
        <source>Cancelled (copy {copy})</source>
        <translation>已取消（第{copy}联）</translation>
    </message>
    <message>
        <source>Copy {copy}, reprint</source>
        <translation>第{copy}联，重打</translation>
    </message>
    <message>
        <source>printed again after an interrupted send</source>
        <translation>打印中断后重新打印</translation>
    </message>
    <message>
        <source>Drawing the receipt…</source>
        <translation>正在绘制小票…</translation>
    </message>
    <message>
        <source>Receipt {order} · {amount}</source>
        <translation>小票 {order} · {amount}</translation>
    </message>
    <message>
        <source>Not printed by this app.</source>
        <translation>本程序未打印过。</translation>
    </message>
    <message>
        <source>Print history</source>
        <translation>打印记录</translation>
    </message>
</context>
<context>
    <name>ReceiptsModel</name>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Merchant order no.</source>
        <translation>商户订单号</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>渠道</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Receipt</source>
        <translation>打印</translation>
    </message>
    <message>
        <source>Receipt no. {id}</source>
        <translation>小票编号 {id}</translation>
    </message>
    <message>
        <source>Template: {template}</source>
        <translation>模板：{template}</translation>
    </message>
    <message>
        <source>Encoding: {encoding}</source>
        <translation>编码：{encoding}</translation>
    </message>
</context>
<context>
    <name>ReceiptsPage</name>
    <message>
        <source>Last printed receipt</source>
        <translation>最近打印的小票</translation>
    </message>
    <message>
        <source>Today&apos;s receipts</source>
        <translation>今日小票</translation>
    </message>
    <message>
        <source>No receipts yet today. New receipts appear here by themselves.</source>
        <translation>今天还没有小票。新的小票会自动显示在这里。</translation>
    </message>
    <message>
        <source>Reprint (Ctrl+P)</source>
        <translation>重打 (Ctrl+P)</translation>
    </message>
    <message>
        <source>Reprint selected (Ctrl+P)</source>
        <translation>补打所选 (Ctrl+P)</translation>
    </message>
    <message>
        <source>Refresh (F5)</source>
        <translation>刷新 (F5)</translation>
    </message>
    <message>
        <source>Select a receipt in the table first.</source>
        <translation>请先在表格中选择一张小票。</translation>
    </message>
    <message>
        <source>Reprint the receipt of order {order} ({amount})? Choose the reason.</source>
        <translation>补打订单 {order}（{amount}）的小票？请选择原因：</translation>
    </message>
    <message>
        <source>Reprint receipt</source>
        <translation>补打小票</translation>
    </message>
    <message>
        <source>Reprint</source>
        <translation>补打</translation>
    </message>
    <message>
        <source>{count} receipts  ·  net {amount}</source>
        <translation>共 {count} 笔  ·  合计 {amount}</translation>
    </message>
    <message>
        <source>(refunds: {count})</source>
        <translation>（含退款 {count} 笔）</translation>
    </message>
</context>
<context>
    <name>RecordCsv</name>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <source>Person</source>
        <translation>人员</translation>
    </message>
    <message>
        <source>Approved by (manager)</source>
        <translation>授权店长</translation>
    </message>
    <message>
        <source>Merchant order no.</source>
        <translation>商户订单号</translation>
    </message>
    <message>
        <source>Receipt</source>
        <translation>小票</translation>
    </message>
    <message>
        <source>Print job</source>
        <translation>打印任务</translation>
    </message>
    <message>
        <source>Case</source>
        <translation>案例</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Detail</source>
        <translation>详情</translation>
    </message>
    <message>
        <source>Training</source>
        <translation>培训</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>是</translation>
    </message>
</context>
<context>
    <name>ReportView</name>
    <message>
        <source>Shift report: {day}, shift {number}</source>
        <translation>交班报表：{day} 第{number}班</translation>
    </message>
    <message>
        <source>(running)</source>
        <translation>（进行中）</translation>
    </message>
    <message>
        <source>Day report: {day}</source>
        <translation>日报表：{day}</translation>
    </message>
    <message>
        <source>{start} to {end}</source>
        <translation>{start} 至 {end}</translation>
    </message>
    <message>
        <source>all operators</source>
        <translation>全部收银员</translation>
    </message>
    <message>
        <source>Operator: {who}</source>
        <translation>收银员：{who}</translation>
    </message>
    <message>
        <source>Handed over by {person}</source>
        <translation>交班人：{person}</translation>
    </message>
    <message>
        <source>Sales and refunds by channel</source>
        <translation>各渠道销售与退款</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>合计</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>渠道</translation>
    </message>
    <message>
        <source>Sales</source>
        <translation>销售笔数</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <source>Refunds</source>
        <translation>退款笔数</translation>
    </message>
    <message>
        <source>Net</source>
        <translation>净额</translation>
    </message>
    <message>
        <source>By operator</source>
        <translation>按收银员</translation>
    </message>
    <message>
        <source>Operator</source>
        <translation>收银员</translation>
    </message>
    <message>
        <source>Refunded, closed and reversed on the platform</source>
        <translation>平台上的退款、关闭和撤销订单</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Orders</source>
        <translation>订单数</translation>
    </message>
    <message>
        <source>Exceptions</source>
        <translation>异常</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>未结</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>已结</translation>
    </message>
    <message>
        <source>Reprints ({count})</source>
        <translation>重打小票（{count}）</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Order</source>
        <translation>订单</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>联</translation>
    </message>
    <message>
        <source>By</source>
        <translation>操作人</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Paid orders without a receipt ({count})</source>
        <translation>已付款无小票的订单（{count}）</translation>
    </message>
    <message>
        <source>printed from the platform&apos;s record</source>
        <translation>已按平台记录打印</translation>
    </message>
    <message>
        <source>still without a receipt</source>
        <translation>仍无小票</translation>
    </message>
    <message>
        <source>Paid at</source>
        <translation>付款时间</translation>
    </message>
    <message>
        <source>Receipt</source>
        <translation>小票</translation>
    </message>
</context>
<context>
    <name>ReportsPage</name>
    <message>
        <source>Hand over the shift</source>
        <translation>交班</translation>
    </message>
    <message>
        <source>End the running shift now? Its report is kept, and the next shift starts at once.</source>
        <translation>现在结束当前班次吗？本班报表会保存，下一班立即开始。</translation>
    </message>
    <message>
        <source>A note for the next shift (optional)</source>
        <translation>给下一班的备注（可选）</translation>
    </message>
    <message>
        <source>Print the shift&apos;s report</source>
        <translation>打印本班报表</translation>
    </message>
    <message>
        <source>Hand over</source>
        <translation>交班</translation>
    </message>
    <message>
        <source>Reports and handover</source>
        <translation>报表与交班</translation>
    </message>
    <message>
        <source>Shift report</source>
        <translation>交班报表</translation>
    </message>
    <message>
        <source>Day report</source>
        <translation>日报表</translation>
    </message>
    <message>
        <source>&amp;Operator</source>
        <translation>收银员(&amp;O)</translation>
    </message>
    <message>
        <source>all</source>
        <translation>全部</translation>
    </message>
    <message>
        <source>Show (F5)</source>
        <translation>显示 (F5)</translation>
    </message>
    <message>
        <source>Hand over the shift (交班)…</source>
        <translation>交班…</translation>
    </message>
    <message>
        <source>Print</source>
        <translation>打印</translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation>导出 CSV…</translation>
    </message>
    <message>
        <source>Back up the journal now</source>
        <translation>立即备份日志</translation>
    </message>
    <message>
        <source>Shift {number}: {start} – now</source>
        <translation>第{number}班：{start} – 现在</translation>
    </message>
    <message>
        <source>Shift {number}: {start} – {end}</source>
        <translation>第{number}班：{start} – {end}</translation>
    </message>
    <message>
        <source>Shift {number} handed over; the next shift has begun.</source>
        <translation>第{number}班已交班，下一班已开始。</translation>
    </message>
    <message>
        <source>The report is on its way to the printer.</source>
        <translation>报表正在送往打印机。</translation>
    </message>
    <message>
        <source>Export the report</source>
        <translation>导出报表</translation>
    </message>
    <message>
        <source>Report saved to {path}</source>
        <translation>报表已保存到 {path}</translation>
    </message>
    <message>
        <source>No copy of the journal yet in {folder}.</source>
        <translation>{folder} 中还没有日志备份。</translation>
    </message>
    <message>
        <source>Last copy of the journal: {at} ({size} MB); {copies} of {keep} kept in {folder}.</source>
        <translation>最近一次日志备份：{at}（{size} MB）；{folder} 中保留 {copies}/{keep} 份。</translation>
    </message>
    <message>
        <source>Copying the journal…</source>
        <translation>正在备份日志…</translation>
    </message>
    <message>
        <source>The journal was copied to {path}.</source>
        <translation>日志已备份到 {path}。</translation>
    </message>
</context>
<context>
    <name>SignInGate</name>
    <message>
        <source>Nobody signs in at this till.</source>
        <translation>本收银台无需登录。</translation>
    </message>
    <message>
        <source>Shift change: the next person signs in.</source>
        <translation>交班：请下一位登录。</translation>
    </message>
    <message>
        <source>Signed out after {minutes} min without use.</source>
        <translation>{minutes} 分钟未操作，已自动退出登录。</translation>
    </message>
    <message>
        <source>{person} signed in ({role}).</source>
        <translation>{person} 已登录（{role}）。</translation>
    </message>
    <message>
        <source>Your PIN is changed.</source>
        <translation>您的 PIN 已更改。</translation>
    </message>
    <message>
        <source>&amp;Person</source>
        <translation>人员(&amp;P)</translation>
    </message>
    <message>
        <source>Switch person (shift change)</source>
        <translation>切换人员（交班）</translation>
    </message>
    <message>
        <source>Change my PIN…</source>
        <translation>更改我的 PIN…</translation>
    </message>
    <message>
        <source>Change my PIN</source>
        <translation>更改我的 PIN</translation>
    </message>
    <message>
        <source>&amp;Current PIN</source>
        <translation>当前 PIN(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;New PIN</source>
        <translation>新 PIN(&amp;N)</translation>
    </message>
    <message>
        <source>New PIN &amp;again</source>
        <translation>再次输入新 PIN(&amp;A)</translation>
    </message>
</context>
<context>
    <name>SignInScreen</name>
    <message>
        <source>Add the store&apos;s first manager</source>
        <translation>添加本店第一位店长</translation>
    </message>
    <message>
        <source>People sign in at this till, and nobody can yet. The first manager added here signs in and then adds the others on the People page.</source>
        <translation>本收银台需要登录，但还没有任何人员。在此添加的第一位店长将直接登录，然后在“人员”页面添加其他人。</translation>
    </message>
    <message>
        <source>Add and sign in</source>
        <translation>添加并登录</translation>
    </message>
    <message>
        <source>Trainee: sign in</source>
        <translation>学员登录</translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation>登录</translation>
    </message>
    <message>
        <source>Enter your person number and PIN. Receipts keep printing meanwhile.</source>
        <translation>请输入人员编号和 PIN。期间小票照常打印。</translation>
    </message>
    <message>
        <source>Person &amp;number</source>
        <translation>人员编号(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Name</source>
        <translation>姓名(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;PIN</source>
        <translation>PIN(&amp;P)</translation>
    </message>
    <message>
        <source>PIN &amp;again</source>
        <translation>再次输入 PIN(&amp;A)</translation>
    </message>
    <message>
        <source>F12 at any time: the next person signs in (shift change).</source>
        <translation>随时按 F12：下一位人员登录（交班）。</translation>
    </message>
</context>
<context>
    <name>StatusBar</name>
    <message>
        <source>Merchant platform</source>
        <translation>商户平台</translation>
    </message>
    <message>
        <source>Open cases: {count}</source>
        <translation>待处理异常：{count}</translation>
    </message>
    <message>
        <source>Signed in: {person} (F12: switch)</source>
        <translation>已登录：{person}（F12 切换）</translation>
    </message>
    <message>
        <source>Nobody signed in</source>
        <translation>未登录</translation>
    </message>
    <message>
        <source>Cashier: {operator}</source>
        <translation>收银员：{operator}</translation>
    </message>
</context>
<context>
    <name>Tray</name>
    <message>
        <source>Cashier Companion</source>
        <translation>收银伴侣</translation>
    </message>
    <message>
        <source>Show window</source>
        <translation>显示窗口</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>退出</translation>
    </message>
</context>
</TS>
