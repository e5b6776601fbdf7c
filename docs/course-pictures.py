#!/usr/bin/env python3
"""Draws the course illustrations: a generic phone screen with the button to tap marked, one SVG per lesson and
language (issue #19, DD012). Run from the repository root: python3 docs/course-pictures.py
Each picture is small (about 2 KB, under 1 KB compressed) and made only of shapes and text, which the content loader
checks (course.SvgPicture). Edit the PICTURES table and run again; add the Markdown line to the lesson yourself (or
let --insert put it after the lesson's first numbered list)."""
import html, os, re, sys

RED = "#d7263d"; BLUE = "#0b5cab"; INK = "#1f2933"; ROW = "#eef2f6"; GREEN = "#1e8e3e"

def esc(s): return html.escape(s, quote=True)

def text(x, y, s, size=12, fill=INK, weight=None, anchor=None, width=None):
    if width:
        size = min(size, max(8.0, width / (0.56 * max(1, len(s)))))
    a = f' font-weight="bold"' if weight else ""
    a += f' text-anchor="{anchor}"' if anchor else ""
    return f'<text x="{x}" y="{y}" font-size="{size:.1f}" fill="{fill}"{a}>{esc(s)}</text>'

def switch(x, y, on):
    fill = GREEN if on else "#9aa5b1"
    knob = x + 24 if on else x + 8
    return f'<rect x="{x}" y="{y}" width="32" height="16" rx="8" fill="{fill}"/><circle cx="{knob}" cy="{y+8}" r="6" fill="#fff"/>'

def phone(lang, alt, header, rows, button=None, mark="button", keyboard=False):
    """rows: strings; a row starting with 'on:'/'off:' gets a switch, 'ok:'/'bad:' a tick or a cross."""
    out = [f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 320 400" width="320" height="400" role="img" '
           f'aria-labelledby="t" lang="{lang}" font-family="sans-serif">',
           f'<title id="t">{esc(alt)}</title>',
           '<rect x="40" y="6" width="240" height="388" rx="28" fill="#1f2933"/>',
           '<rect x="52" y="34" width="216" height="334" rx="6" fill="#fff"/>',
           f'<rect x="52" y="34" width="216" height="36" fill="{BLUE}"/>',
           text(64, 57, header, 14, "#fff", True, width=196),
           '<circle cx="160" cy="381" r="7" fill="none" stroke="#9aa5b1" stroke-width="2"/>']
    target = None
    y = 80
    for i, row in enumerate(rows):
        kind, _, label = row.partition(":") if re.match(r"^(on|off|ok|bad):", row) else ("", "", row)
        out.append(f'<rect x="60" y="{y}" width="200" height="28" rx="4" fill="{ROW}"/>')
        out.append(text(68, y + 18, label, 12, width=150 if kind else 184))
        if kind in ("on", "off"):
            out.append(switch(222, y + 6, kind == "on"))
        elif kind == "ok":
            out.append(f'<path d="M232 {y+14} l6 6 l12 -12" fill="none" stroke="{GREEN}" stroke-width="3"/>')
        elif kind == "bad":
            out.append(f'<path d="M234 {y+6} l14 14 M248 {y+6} l-14 14" stroke="{RED}" stroke-width="3"/>')
            out.append(f'<line x1="66" y1="{y+14}" x2="218" y2="{y+14}" stroke="{RED}" stroke-width="1.5"/>')
        if mark == i:
            target = (56, y - 4, 208, 36)
        y += 36
    if keyboard:
        ky = 232
        out.append(f'<rect x="52" y="{ky}" width="216" height="136" fill="#d9dee4"/>')
        for r, n in enumerate((10, 9, 7)):
            w = 19
            x0 = 56 + (10 - n) * (w + 2) / 2
            for k in range(n):
                out.append(f'<rect x="{x0 + k*(w+2):.0f}" y="{ky + 6 + r*30}" width="{w}" height="24" rx="3" fill="#fff"/>')
        out.append(f'<rect x="62" y="{ky+96}" width="28" height="26" rx="3" fill="#fff"/>')
        out.append(f'<circle cx="76" cy="{ky+109}" r="8" fill="none" stroke="{INK}" stroke-width="1.5"/>'
                   f'<path d="M68 {ky+109} h16 M76 {ky+101} v16" stroke="{INK}" stroke-width="1"/>')
        out.append(f'<rect x="96" y="{ky+96}" width="130" height="26" rx="3" fill="#fff"/>')
        if mark == "globe":
            target = (58, ky + 92, 36, 34)
    if button:
        out.append(f'<rect x="76" y="318" width="168" height="36" rx="18" fill="{BLUE}"/>')
        out.append(text(160, 341, button, 14, "#fff", True, "middle", width=150))
        if mark == "button":
            target = (70, 312, 180, 48)
    if target:
        x, y0, w, h = target
        out.append(f'<rect x="{x}" y="{y0}" width="{w}" height="{h}" rx="12" fill="none" stroke="{RED}" stroke-width="4"/>')
        # A finger pointing at the marked spot.
        fx, fy = x + w - 10, y0 + h - 4
        out.append(f'<path d="M{fx} {fy} l18 22 l8 -6 l-18 -22 z" fill="{RED}"/>')
    out.append("</svg>")
    return "".join(out)

# course, lesson file stem, picture name, then per language: alt, header, rows, button; mark; keyboard
PICTURES = [
 ("e-identity-public-services", "02-activate-protect", "install-vneid", {
   "vi": ("Màn hình kho ứng dụng: ô tìm kiếm có chữ VNeID, nhà phát triển Trung tâm dữ liệu quốc gia về dân cư, nút Cài đặt được khoanh đỏ", "CH Play", ["VNeID", "Trung tâm dữ liệu quốc gia về dân cư", "Bộ Công an"], "Cài đặt"),
   "en": ("An app store screen: the search box says VNeID, the developer is the National Population Data Centre, and the Install button is circled in red", "Google Play", ["VNeID", "National Population Data Centre", "Ministry of Public Security"], "Install")}, "button", False),
 ("e-identity-public-services", "03-submit-online", "gov-vn-address", {
   "vi": ("Thanh địa chỉ của trình duyệt: trên là dichvucong.gov.vn được đánh dấu đúng, dưới là dichvucong.gov.vn.xyz.com bị gạch chéo vì phần cuối là .xyz.com", "Xem phần cuối tên trang", ["ok:dichvucong.gov.vn", "bad:dichvucong.gov.vn.xyz.com", "Tên thật kết thúc bằng .gov.vn"], None),
   "en": ("A browser's address bar: above, dichvucong.gov.vn marked as right; below, dichvucong.gov.vn.xyz.com crossed out because it ends in .xyz.com", "Look at the end of the name", ["ok:dichvucong.gov.vn", "bad:dichvucong.gov.vn.xyz.com", "A real name ends in .gov.vn"], None)}, 0, False),
 ("e-identity-public-services", "04-track-and-pay", "track-application", {
   "vi": ("Màn hình tra cứu hồ sơ trên Cổng Dịch vụ công: ô nhập mã hồ sơ, trạng thái Đang xử lý, nút Tra cứu được khoanh đỏ", "Tra cứu hồ sơ", ["Mã hồ sơ: G22.99-...", "Trạng thái: Đang xử lý", "Hạn trả kết quả: 15/12"], "Tra cứu"),
   "en": ("The look up application screen of the public services portal: the application code box, the status In progress, and the Look up button circled in red", "Look up application", ["Code: G22.99-...", "Status: In progress", "Result due: 15 Dec"], "Look up")}, "button", False),
 ("email-messaging", "01-email-account", "create-email", {
   "vi": ("Màn hình tạo tài khoản thư điện tử: ô họ tên, ngày sinh, tên địa chỉ, mật khẩu, nút Tạo tài khoản được khoanh đỏ", "Tạo tài khoản", ["Họ và tên", "Ngày sinh", "Tên địa chỉ: lan.nguyen1980", "Mật khẩu (cụm dài)"], "Tạo tài khoản"),
   "en": ("An email sign-up screen: full name, date of birth, address name and password boxes, and the Create account button circled in red", "Create account", ["Full name", "Date of birth", "Address: lan.nguyen1980", "Password (a long phrase)"], "Create account")}, "button", False),
 ("email-messaging", "02-write-reply-attach", "compose-email", {
   "vi": ("Màn hình soạn thư: ô Đến, Tiêu đề, nội dung, biểu tượng kẹp giấy để đính kèm, nút Gửi được khoanh đỏ", "Soạn thư", ["Đến: co.hoa@truong.edu.vn", "Tiêu đề: Ảnh giấy khen của Minh", "Kính gửi cô Hoa, ...", "Đính kèm: giay-khen.jpg"], "Gửi"),
   "en": ("A compose screen: To, Subject, message, a paper clip attachment, and the Send button circled in red", "Compose", ["To: ms.hoa@school.edu.vn", "Subject: Minh's certificate", "Dear Ms Hoa, ...", "Attached: certificate.jpg"], "Send")}, "button", False),
 ("email-messaging", "04-messaging-calls", "video-call", {
   "vi": ("Màn hình cuộc trò chuyện trong ứng dụng nhắn tin: tin nhắn của người thân, nút Gọi video được khoanh đỏ", "Bà Lan", ["Bà: Cháu ăn cơm chưa?", "Cháu: Cháu ăn rồi ạ", "Gọi thoại"], "Gọi video"),
   "en": ("A chat screen in a messaging app: messages from a relative, and the Video call button circled in red", "Grandma Lan", ["Grandma: Have you eaten?", "Me: Yes, I have", "Voice call"], "Video call")}, "button", False),
 ("email-messaging", "06-privacy-settings", "privacy-settings", {
   "vi": ("Màn hình Quyền riêng tư của ứng dụng nhắn tin: Ai xem được ngày sinh, Cho người lạ tìm qua số điện thoại đang tắt được khoanh đỏ", "Quyền riêng tư", ["Ngày sinh: Chỉ bạn bè", "Trạng thái truy cập", "off:Cho người lạ tìm thấy", "Chặn tin nhắn người lạ"], None),
   "en": ("The Privacy screen of a messaging app: who sees your birthday, and the switch Let strangers find me circled in red and turned off", "Privacy", ["Birthday: Friends only", "Show when I am online", "off:Let strangers find me", "Block messages from strangers"], None)}, 2, False),
 ("learning-online", "03-videos-and-data", "video-subtitles", {
   "vi": ("Màn hình xem video: nút CC phụ đề được khoanh đỏ, chọn Tiếng Việt, chất lượng 360p để tiết kiệm dữ liệu", "Video bài học", ["Phụ đề: Tiếng Việt", "Chất lượng: 360p", "Tốc độ: Bình thường"], "CC  Phụ đề"),
   "en": ("A video player screen: the CC subtitles button circled in red, Vietnamese chosen, quality 360p to save data", "Lesson video", ["Subtitles: Vietnamese", "Quality: 360p", "Speed: Normal"], "CC  Subtitles")}, "button", False),
 ("learning-online", "06-using-this-platform", "activate-platform", {
   "vi": ("Màn hình kích hoạt tài khoản học: nhập số định danh, mã trên phiếu, đặt mật khẩu mới, nút Kích hoạt được khoanh đỏ", "Kích hoạt tài khoản", ["Số định danh cá nhân", "Mã trên phiếu kích hoạt", "Mật khẩu mới", "Nhập lại mật khẩu"], "Kích hoạt"),
   "en": ("The learning account activation screen: identification number, the code on the slip, a new password, and the Activate button circled in red", "Activate your account", ["Identification number", "Code on the activation slip", "New password", "Repeat the password"], "Activate")}, "button", False),
 ("online-safety-scams", "02-two-step-verification", "two-step", {
   "vi": ("Màn hình Bảo mật của một ứng dụng: công tắc Xác thực hai bước được khoanh đỏ và đang bật", "Bảo mật", ["Đổi mật khẩu", "on:Xác thực hai bước", "Thiết bị đã đăng nhập"], None),
   "en": ("The Security screen of an app: the Two-step verification switch circled in red and turned on", "Security", ["Change password", "on:Two-step verification", "Devices logged in"], None)}, 1, False),
 ("personal-data-protection", "03-app-permissions-and-privacy-settings", "app-permissions", {
   "vi": ("Màn hình Quyền của ứng dụng đèn pin: Vị trí, Danh bạ, Micro; nút Không cho phép được khoanh đỏ", "Đèn pin > Quyền", ["Vị trí: Luôn cho phép", "Danh bạ: Cho phép", "Micro: Cho phép"], "Không cho phép"),
   "en": ("The Permissions screen of a flashlight app: Location, Contacts, Microphone; and the Don't allow button circled in red", "Flashlight > Permissions", ["Location: Always allow", "Contacts: Allow", "Microphone: Allow"], "Don't allow")}, "button", False),
 ("personal-data-protection", "04-wifi-lock-and-backup", "forget-wifi", {
   "vi": ("Màn hình Wi-Fi: mạng Quan Cafe Free đang kết nối, công tắc Tự động kết nối đã tắt, nút Quên mạng được khoanh đỏ", "Quan Cafe Free", ["Đã kết nối", "Bảo mật: Không có", "off:Tự động kết nối"], "Quên mạng này"),
   "en": ("The Wi-Fi screen: the network Cafe Free connected, the Auto-connect switch off, and the Forget button circled in red", "Cafe Free", ["Connected", "Security: None", "off:Auto-connect"], "Forget this network")}, "button", False),
 ("safe-digital-payments", "01-bank-apps-and-e-wallets", "bank-app-publisher", {
   "vi": ("Màn hình kho ứng dụng của một ứng dụng ngân hàng: tên nhà phát triển là chính ngân hàng đó, nút Cài đặt được khoanh đỏ", "CH Play", ["Ngân hàng ABC Mobile", "Nhà phát triển: Ngân hàng ABC", "Hơn 10 triệu lượt tải"], "Cài đặt"),
   "en": ("The app store page of a bank app: the developer's name is the bank itself, and the Install button is circled in red", "Google Play", ["ABC Bank Mobile", "Developer: ABC Bank", "10 million+ downloads"], "Install")}, "button", False),
 ("safe-digital-payments", "02-paying-by-qr-code", "qr-check-name", {
   "vi": ("Màn hình xác nhận sau khi quét mã QR: tên người nhận Tạp hóa Cô Ba, số tiền 45.000 đồng; dòng tên người nhận được khoanh đỏ để đọc kỹ", "Xác nhận chuyển tiền", ["Người nhận: TAP HOA CO BA", "Số tiền: 45.000 đ", "Nội dung: mua hang"], "Xác nhận"),
   "en": ("The confirmation screen after scanning a QR code: recipient Co Ba grocery, amount 45,000 dong; the recipient's name is circled in red to read carefully", "Confirm transfer", ["To: TAP HOA CO BA", "Amount: 45,000 VND", "Message: shopping"], "Confirm")}, 0, False),
 ("safe-digital-payments", "05-bills-top-up-vietqr", "pay-bill", {
   "vi": ("Màn hình thanh toán hóa đơn tiền điện: mã khách hàng, tên chủ hộ, số tiền, nút Thanh toán được khoanh đỏ", "Thanh toán tiền điện", ["Mã khách hàng: PA2201...", "Chủ hộ: NGUYEN VAN AN", "Số tiền: 412.000 đ"], "Thanh toán"),
   "en": ("An electricity bill payment screen: customer code, account holder's name, amount, and the Pay button circled in red", "Pay electricity", ["Customer code: PA2201...", "Holder: NGUYEN VAN AN", "Amount: 412,000 VND"], "Pay")}, "button", False),
 ("smartphone-basics", "01-turn-on-charge", "lock-screen", {
   "vi": ("Màn hình khóa của điện thoại: giờ, ngày, dòng Vuốt lên để mở khóa, ô nhập mã mở khóa được khoanh đỏ", "09:41  Thứ Hai", ["Vuốt lên để mở khóa", "Nhập mã mở khóa", "• • • • • •"], None),
   "en": ("A phone's lock screen: the time, the date, Swipe up to unlock, and the unlock code box circled in red", "09:41  Monday", ["Swipe up to unlock", "Enter your unlock code", "• • • • • •"], None)}, 1, False),
 ("smartphone-basics", "02-touch-screen", "touch-gestures", {
   "vi": ("Năm thao tác trên màn hình cảm ứng: chạm, chạm hai lần, vuốt, chạm và giữ, chụm hai ngón để phóng to hoặc thu nhỏ; dòng Chạm được khoanh đỏ", "Năm thao tác", ["Chạm: mở, bấm", "Chạm hai lần: phóng to ảnh", "Vuốt: cuộn trang", "Chạm và giữ: thêm lựa chọn", "Chụm hai ngón: to, nhỏ"], None),
   "en": ("Five touch-screen gestures: tap, double tap, swipe, touch and hold, pinch to zoom in or out; the Tap line is circled in red", "Five gestures", ["Tap: open, press", "Double tap: zoom a photo", "Swipe: scroll", "Touch and hold: more options", "Pinch: bigger, smaller"], None)}, 0, False),
 ("smartphone-basics", "03-typing-screenshot-photo", "keyboard-telex", {
   "vi": ("Bàn phím điện thoại đang gõ Telex: ô nhập có chữ điện thoại, phím quả địa cầu để đổi ngôn ngữ được khoanh đỏ", "Tin nhắn", ["Gõ: ddieenj thoaij", "Ra chữ: điện thoại"], None),
   "en": ("A phone keyboard typing Telex: the text box says điện thoại, and the globe key for switching languages is circled in red", "Message", ["Typed: ddieenj thoaij", "Shows: điện thoại"], None)}, "globe", True),
 ("smartphone-basics", "04-home-screen-apps", "home-buttons", {
   "vi": ("Màn hình chính với các biểu tượng ứng dụng; nút Màn hình chính ở giữa phía dưới được khoanh đỏ, bên cạnh là nút Quay lại và nút Ứng dụng gần đây", "Màn hình chính", ["Điện thoại   Tin nhắn", "Máy ảnh   Cài đặt", "Quay lại  |  Gần đây"], "Màn hình chính"),
   "en": ("The home screen with app icons; the Home button at the bottom middle is circled in red, beside the Back and Recent apps buttons", "Home screen", ["Phone   Messages", "Camera   Settings", "Back  |  Recent apps"], "Home")}, "button", False),
 ("smartphone-basics", "05-wifi-mobile-data", "wifi-settings", {
   "vi": ("Màn hình Cài đặt Wi-Fi: công tắc Wi-Fi đang bật, danh sách mạng, mạng Nha Minh được khoanh đỏ để chạm vào", "Wi-Fi", ["on:Wi-Fi", "Nha Minh", "Truong THCS", "Quan Cafe Free"], None),
   "en": ("The Wi-Fi settings screen: the Wi-Fi switch on, a list of networks, and the network Nha Minh circled in red to tap", "Wi-Fi", ["on:Wi-Fi", "Nha Minh", "School Wi-Fi", "Cafe Free"], None)}, 1, False),
 ("smartphone-basics", "06-calls-contacts", "call-keypad", {
   "vi": ("Màn hình gọi điện: số điện thoại đã gõ, bàn phím số, nút Gọi màu xanh được khoanh đỏ", "Điện thoại", ["0912 345 678", "1   2   3", "4   5   6", "7   8   9"], "Gọi"),
   "en": ("The phone screen: the number typed, the number keypad, and the green Call button circled in red", "Phone", ["0912 345 678", "1   2   3", "4   5   6", "7   8   9"], "Call")}, "button", False),
 ("smartphone-basics", "07-install-apps", "app-store-install", {
   "vi": ("Trang ứng dụng trong kho chính thức: tên ứng dụng, nhà phát triển, lượt tải, đánh giá; nút Cài đặt được khoanh đỏ", "CH Play", ["Tên: Sổ tay sức khỏe", "Nhà phát triển: Bộ Y tế", "Lượt tải: 1 triệu+", "Đánh giá: 4,5"], "Cài đặt"),
   "en": ("An app's page in the official store: name, developer, downloads, rating; and the Install button circled in red", "Google Play", ["Name: Health handbook", "Developer: Ministry of Health", "Downloads: 1 million+", "Rating: 4.5"], "Install")}, "button", False),
 ("smartphone-basics", "08-accessibility", "accessibility-settings", {
   "vi": ("Màn hình Cài đặt, mục Hỗ trợ tiếp cận: dòng Phóng to được khoanh đỏ, bên dưới là TalkBack và Nhập bằng giọng nói", "Hỗ trợ tiếp cận", ["Cỡ chữ và hiển thị", "off:Phóng to", "off:TalkBack", "Nhập bằng giọng nói"], None),
   "en": ("The Settings screen, Accessibility section: the Magnification line is circled in red, with TalkBack and Voice typing below it", "Accessibility", ["Font and display size", "off:Magnification", "off:TalkBack", "Voice typing"], None)}, 1, False),
 ("ai-assistants-safely", "02-using-ai-safely", "ai-data-settings", {
   "vi": ("Màn hình cài đặt của một ứng dụng trợ lý AI: mục Kiểm soát dữ liệu, công tắc Dùng dữ liệu để cải thiện mô hình được khoanh đỏ để tắt", "Kiểm soát dữ liệu", ["off:Cải thiện mô hình", "off:Lưu lịch sử", "Xóa mọi cuộc trò chuyện"], None),
   "en": ("The settings screen of an AI assistant app: the Data controls section, with the switch Use my data to improve the model circled in red to turn it off", "Data controls", ["off:Improve the model", "off:Save history", "Delete all chats"], None)}, 0, False),
 ("digital-documents-online-meetings", "03-electronic-signatures", "sign-document", {
   "vi": ("Màn hình phần mềm ký số: chọn tệp, chọn vị trí chữ ký, chọn chứng thư chữ ký điện tử, nút Ký số được khoanh đỏ", "Ký số văn bản", ["Tệp: cong-van-125.pdf", "Vị trí chữ ký: trang 2", "Chứng thư: NGUYEN THI HOA"], "Ký số"),
   "en": ("A signing program's screen: choose the file, the signature position and the e-signature certificate, and the Sign button circled in red", "Sign a document", ["File: letter-125.pdf", "Signature: page 2", "Certificate: NGUYEN THI HOA"], "Sign")}, "button", False),
 ("digital-documents-online-meetings", "04-online-meetings", "meeting-controls", {
   "vi": ("Màn hình cuộc họp trực tuyến: phòng chờ đang bật, micro đang tắt, nút Giơ tay được khoanh đỏ", "Họp giao ban tuần", ["on:Phòng chờ", "off:Micro", "on:Camera"], "Giơ tay"),
   "en": ("An online meeting screen: the waiting room on, the microphone muted, and the Raise hand button circled in red", "Weekly meeting", ["on:Waiting room", "off:Microphone", "on:Camera"], "Raise hand")}, "button", False),
]

def main():
    insert = "--insert" in sys.argv
    for course, stem, name, texts, mark, keyboard in PICTURES:
        folder = os.path.join("course-content", course)
        os.makedirs(os.path.join(folder, "images"), exist_ok=True)
        for lang, (alt, header, rows, button) in texts.items():
            svg = phone(lang, alt, header, rows, button, mark, keyboard)
            with open(os.path.join(folder, "images", f"{name}-{lang}.svg"), "w", encoding="utf-8") as f:
                f.write(svg + "\n")
            lesson = os.path.join(folder, "lessons", f"{stem}.{lang}.md")
            body = open(lesson, encoding="utf-8").read()
            ref = f"images/{name}-{lang}.svg"
            if insert and ref not in body:
                lines = body.split("\n")
                start = next(i for i, l in enumerate(lines) if re.match(r"^\d+\. ", l))
                end = start
                while end + 1 < len(lines) and (re.match(r"^\d+\. ", lines[end + 1]) or lines[end + 1].startswith("   ")):
                    end += 1
                lines[end + 1:end + 1] = ["", f"![{alt}]({ref})"]
                with open(lesson, "w", encoding="utf-8") as f:
                    f.write("\n".join(lines))

if __name__ == "__main__":
    main()
