# mypy: ignore-errors
# Resource object code (Python 3)
# Created by: object code
# Created by: The Resource Compiler for Qt version 6.11.3
# WARNING! All changes made in this file will be lost!

from PySide6 import QtCore

qt_resource_data = b"\
\x00\x00\x08\xc0\
/\
* Evidence Curat\
or style sheet: \
calm, high-contr\
ast, states neve\
r by colour alon\
e. */\x0a\x0aQMainWind\
ow, QDialog {\x0a  \
  background: #f\
6f7f9;\x0a}\x0a\x0aQSplit\
ter::handle {\x0a  \
  background: #e\
3e6eb;\x0a}\x0a\x0aQLineE\
dit {\x0a    paddin\
g: 3px 6px;\x0a    \
border: 1px soli\
d #b9c0cb;\x0a    b\
order-radius: 4p\
x;\x0a    backgroun\
d: #ffffff;\x0a}\x0a\x0aQ\
LineEdit:focus {\
\x0a    border: 1px\
 solid #1f5fbf;\x0a\
}\x0a\x0aQLineEdit[inv\
alid=\x22true\x22] {\x0a \
   border: 2px s\
olid #b3261e;\x0a  \
  background: #f\
decea;\x0a}\x0a\x0aQTable\
View {\x0a    backg\
round: #ffffff;\x0a\
    border: 1px \
solid #d5dae1;\x0a \
   gridline-colo\
r: #e6e9ee;\x0a    \
selection-backgr\
ound-color: #1f5\
fbf;\x0a    selecti\
on-color: #fffff\
f;\x0a}\x0a\x0aQTableView\
:!focus {\x0a    se\
lection-backgrou\
nd-color: #b7cbe\
a;\x0a    selection\
-color: #111111;\
\x0a}\x0a\x0aQHeaderView:\
:section {\x0a    b\
ackground: #eef1\
f5;\x0a    border: \
none;\x0a    border\
-bottom: 1px sol\
id #d5dae1;\x0a    \
border-right: 1p\
x solid #e3e6eb;\
\x0a    padding: 3p\
x 6px;\x0a    color\
: #37474f;\x0a}\x0a\x0aQP\
lainTextEdit#doc\
umentView {\x0a    \
background: #fff\
fff;\x0a    border:\
 1px solid #d5da\
e1;\x0a    color: #\
1b1b1b;\x0a    sele\
ction-background\
-color: #7aa7e8;\
\x0a    selection-c\
olor: #000000;\x0a}\
\x0a\x0aQLabel#documen\
tTitle {\x0a    fon\
t-size: 13pt;\x0a  \
  font-weight: 6\
00;\x0a    color: #\
1b2a3a;\x0a    padd\
ing: 2px 4px 4px\
 4px;\x0a}\x0a\x0aQLabel#\
groupTitle {\x0a   \
 font-weight: 70\
0;\x0a    color: #1\
b2a3a;\x0a    paddi\
ng-top: 2px;\x0a}\x0a\x0a\
QFrame#slotDetai\
l {\x0a    backgrou\
nd: #ffffff;\x0a   \
 border: 1px sol\
id #d5dae1;\x0a    \
border-left: 4px\
 solid #1f5fbf;\x0a\
    border-radiu\
s: 3px;\x0a    marg\
in: 0px 8px 4px \
8px;\x0a}\x0a\x0aQLabel#s\
lotTitle {\x0a    f\
ont-size: 11pt;\x0a\
    color: #1b2a\
3a;\x0a}\x0a\x0aQLabel#sl\
otRule {\x0a    col\
or: #4f5b66;\x0a}\x0a\x0a\
QLabel#slotMessa\
ge {\x0a    color: \
#37474f;\x0a}\x0a\x0aQLab\
el#slotMessage[e\
rror=\x22true\x22] {\x0a \
   color: #b3261\
e;\x0a    font-weig\
ht: 600;\x0a}\x0a\x0aQLab\
el#slotMessage[w\
arning=\x22true\x22] {\
\x0a    color: #8a5\
300;\x0a    font-we\
ight: 600;\x0a}\x0a\x0aQS\
tatusBar {\x0a    b\
ackground: #eef1\
f5;\x0a    border-t\
op: 1px solid #d\
5dae1;\x0a}\x0a\x0aQStatu\
sBar QLabel {\x0a  \
  padding: 0px 8\
px;\x0a}\x0a\x0aQProgress\
Bar {\x0a    border\
: 1px solid #b9c\
0cb;\x0a    border-\
radius: 3px;\x0a   \
 background: #ff\
ffff;\x0a    text-a\
lign: center;\x0a  \
  max-height: 14\
px;\x0a}\x0a\x0aQProgress\
Bar::chunk {\x0a   \
 background: #4f\
86d6;\x0a}\x0a\x0aQToolBu\
tton {\x0a    paddi\
ng: 2px 8px;\x0a   \
 border: 1px sol\
id #b9c0cb;\x0a    \
border-radius: 3\
px;\x0a    backgrou\
nd: #ffffff;\x0a}\x0a\x0a\
QToolButton:hove\
r {\x0a    backgrou\
nd: #e8eef8;\x0a}\x0a\
\x00\x00\x00\xf3\
<\
svg xmlns=\x22http:\
//www.w3.org/200\
0/svg\x22 width=\x2224\
\x22 height=\x2224\x22 vi\
ewBox=\x220 0 24 24\
\x22 fill=\x22none\x22 st\
roke=\x22#37474f\x22 s\
troke-width=\x222\x22 \
stroke-linecap=\x22\
round\x22 stroke-li\
nejoin=\x22round\x22><\
path d=\x22M9 14L4 \
9l5-5\x22/><path d=\
\x22M4 9h10a6 6 0 0\
10 12h-3\x22/></svg\
>\x0a\
\x00\x00\x00\xd7\
<\
svg xmlns=\x22http:\
//www.w3.org/200\
0/svg\x22 width=\x2224\
\x22 height=\x2224\x22 vi\
ewBox=\x220 0 24 24\
\x22 fill=\x22none\x22 st\
roke=\x22#b3261e\x22 s\
troke-width=\x222\x22 \
stroke-linecap=\x22\
round\x22 stroke-li\
nejoin=\x22round\x22><\
path d=\x22M6 6l12 \
12M18 6L6 18\x22/><\
/svg>\x0a\
\x00\x00\x00\xea\
<\
svg xmlns=\x22http:\
//www.w3.org/200\
0/svg\x22 width=\x2224\
\x22 height=\x2224\x22 vi\
ewBox=\x220 0 24 24\
\x22 fill=\x22none\x22 st\
roke=\x22#8a5300\x22 s\
troke-width=\x222\x22 \
stroke-linecap=\x22\
round\x22 stroke-li\
nejoin=\x22round\x22><\
path d=\x22M5 6l7 6\
-7 6z\x22/><path d=\
\x22M13 6l7 6-7 6z\x22\
/></svg>\x0a\
\x00\x00\x00\xf4\
<\
svg xmlns=\x22http:\
//www.w3.org/200\
0/svg\x22 width=\x2224\
\x22 height=\x2224\x22 vi\
ewBox=\x220 0 24 24\
\x22 fill=\x22none\x22 st\
roke=\x22#37474f\x22 s\
troke-width=\x222\x22 \
stroke-linecap=\x22\
round\x22 stroke-li\
nejoin=\x22round\x22><\
path d=\x22M15 14l5\
-5-5-5\x22/><path d\
=\x22M20 9H10a6 6 0\
 000 12h3\x22/></sv\
g>\x0a\
\x00\x00\x01'\
<\
svg xmlns=\x22http:\
//www.w3.org/200\
0/svg\x22 width=\x2224\
\x22 height=\x2224\x22 vi\
ewBox=\x220 0 24 24\
\x22 fill=\x22none\x22 st\
roke=\x22#37474f\x22 s\
troke-width=\x222\x22 \
stroke-linecap=\x22\
round\x22 stroke-li\
nejoin=\x22round\x22><\
circle cx=\x2212\x22 c\
y=\x2212\x22 r=\x229\x22/><p\
ath d=\x22M9.5 9.5a\
2.5 2.5 0 114 2c\
-1 .7-1.5 1.2-1.\
5 2.5\x22/><path d=\
\x22M12 17.2v.1\x22/><\
/svg>\x0a\
\x00\x00\x00\xf1\
<\
svg xmlns=\x22http:\
//www.w3.org/200\
0/svg\x22 width=\x2224\
\x22 height=\x2224\x22 vi\
ewBox=\x220 0 24 24\
\x22 fill=\x22none\x22 st\
roke=\x22#37474f\x22 s\
troke-width=\x222\x22 \
stroke-linecap=\x22\
round\x22 stroke-li\
nejoin=\x22round\x22><\
path d=\x22M12 15V3\
m-5 5l5-5 5 5\x22/>\
<path d=\x22M4 17v3\
h16v-3\x22/></svg>\x0a\
\
\x00\x00\x01\x08\
<\
svg xmlns=\x22http:\
//www.w3.org/200\
0/svg\x22 width=\x2224\
\x22 height=\x2224\x22 vi\
ewBox=\x220 0 24 24\
\x22 fill=\x22none\x22 st\
roke=\x22#37474f\x22 s\
troke-width=\x222\x22 \
stroke-linecap=\x22\
round\x22 stroke-li\
nejoin=\x22round\x22><\
path d=\x22M4 20h16\
\x22/><path d=\x22M7 1\
6v-4\x22/><path d=\x22\
M12 16V7\x22/><path\
 d=\x22M17 16v-6\x22/>\
</svg>\x0a\
\x00\x00\x00\xd0\
<\
svg xmlns=\x22http:\
//www.w3.org/200\
0/svg\x22 width=\x2224\
\x22 height=\x2224\x22 vi\
ewBox=\x220 0 24 24\
\x22 fill=\x22none\x22 st\
roke=\x22#37474f\x22 s\
troke-width=\x222\x22 \
stroke-linecap=\x22\
round\x22 stroke-li\
nejoin=\x22round\x22><\
path d=\x22M6 15l6-\
6 6 6\x22/></svg>\x0a\
\x00\x00\x00\xf5\
<\
svg xmlns=\x22http:\
//www.w3.org/200\
0/svg\x22 width=\x2224\
\x22 height=\x2224\x22 vi\
ewBox=\x220 0 24 24\
\x22 fill=\x22none\x22 st\
roke=\x22#2e7d32\x22 s\
troke-width=\x222\x22 \
stroke-linecap=\x22\
round\x22 stroke-li\
nejoin=\x22round\x22><\
circle cx=\x2212\x22 c\
y=\x2212\x22 r=\x229\x22/><p\
ath d=\x22M7.5 12.5\
l3 3 6-6.5\x22/></s\
vg>\x0a\
\x00\x00\x00\xd5\
<\
svg xmlns=\x22http:\
//www.w3.org/200\
0/svg\x22 width=\x2224\
\x22 height=\x2224\x22 vi\
ewBox=\x220 0 24 24\
\x22 fill=\x22none\x22 st\
roke=\x22#2e7d32\x22 s\
troke-width=\x222\x22 \
stroke-linecap=\x22\
round\x22 stroke-li\
nejoin=\x22round\x22><\
path d=\x22M4 12.5l\
5 5L20 6.5\x22/></s\
vg>\x0a\
\x00\x00\x01\x90\
<\
svg xmlns=\x22http:\
//www.w3.org/200\
0/svg\x22 width=\x2224\
\x22 height=\x2224\x22 vi\
ewBox=\x220 0 24 24\
\x22 fill=\x22none\x22 st\
roke=\x22#37474f\x22 s\
troke-width=\x222\x22 \
stroke-linecap=\x22\
round\x22><path d=\x22\
M12 3v18\x22 stroke\
-dasharray=\x222 2\x22\
/><path d=\x22M5 7h\
9\x22/><path d=\x22M9 \
12h10\x22/><path d=\
\x22M4 17h7\x22/><circ\
le cx=\x229\x22 cy=\x227\x22\
 r=\x221.5\x22 fill=\x22#\
37474f\x22/><circle\
 cx=\x2214\x22 cy=\x2212\x22\
 r=\x221.5\x22 fill=\x22#\
37474f\x22/><circle\
 cx=\x227\x22 cy=\x2217\x22 \
r=\x221.5\x22 fill=\x22#3\
7474f\x22/></svg>\x0a\
\x00\x00\x00\xcf\
<\
svg xmlns=\x22http:\
//www.w3.org/200\
0/svg\x22 width=\x2224\
\x22 height=\x2224\x22 vi\
ewBox=\x220 0 24 24\
\x22 fill=\x22none\x22 st\
roke=\x22#37474f\x22 s\
troke-width=\x222\x22 \
stroke-linecap=\x22\
round\x22 stroke-li\
nejoin=\x22round\x22><\
path d=\x22M6 9l6 6\
 6-6\x22/></svg>\x0a\
\x00\x00\x00\xf3\
<\
svg xmlns=\x22http:\
//www.w3.org/200\
0/svg\x22 width=\x2224\
\x22 height=\x2224\x22 vi\
ewBox=\x220 0 24 24\
\x22 fill=\x22none\x22 st\
roke=\x22#1f5fbf\x22 s\
troke-width=\x222\x22 \
stroke-linecap=\x22\
round\x22 stroke-li\
nejoin=\x22round\x22><\
path d=\x22M4 20h4L\
19 9l-4-4L4 16z\x22\
/><path d=\x22M13.5\
 6.5l4 4\x22/></svg\
>\x0a\
\x00\x00\x026\
<\
svg xmlns=\x22http:\
//www.w3.org/200\
0/svg\x22 width=\x2264\
\x22 height=\x2264\x22 vi\
ewBox=\x220 0 64 64\
\x22>\x0a  <rect x=\x224\x22\
 y=\x224\x22 width=\x2256\
\x22 height=\x2256\x22 rx\
=\x2212\x22 fill=\x22#1f4\
f9a\x22/>\x0a  <path d\
=\x22M16 14h22l10 1\
0v26H16z\x22 fill=\x22\
#ffffff\x22/>\x0a  <pa\
th d=\x22M38 14v10h\
10\x22 fill=\x22#cfdcf\
2\x22/>\x0a  <path d=\x22\
M21 27h14M21 33h\
18M21 39h10\x22 str\
oke=\x22#9bb0d3\x22 st\
roke-width=\x222.5\x22\
 stroke-linecap=\
\x22round\x22/>\x0a  <cir\
cle cx=\x2244\x22 cy=\x22\
44\x22 r=\x2211\x22 fill=\
\x22#2e9d47\x22 stroke\
=\x22#ffffff\x22 strok\
e-width=\x222.5\x22/>\x0a\
  <path d=\x22M38.5\
 44.5l4 4 7-8\x22 f\
ill=\x22none\x22 strok\
e=\x22#ffffff\x22 stro\
ke-width=\x223\x22 str\
oke-linecap=\x22rou\
nd\x22 stroke-linej\
oin=\x22round\x22/>\x0a</\
svg>\x0a\
\x00\x00\x011\
<\
svg xmlns=\x22http:\
//www.w3.org/200\
0/svg\x22 width=\x2224\
\x22 height=\x2224\x22 vi\
ewBox=\x220 0 24 24\
\x22 fill=\x22none\x22 st\
roke=\x22#5b3a91\x22 s\
troke-width=\x222\x22 \
stroke-linecap=\x22\
round\x22 stroke-li\
nejoin=\x22round\x22><\
path d=\x22M4 5h10M\
4 9h7\x22/><rect x=\
\x223\x22 y=\x2212\x22 width\
=\x2212\x22 height=\x224\x22\
 rx=\x221\x22 fill=\x22#f\
fe08a\x22/><path d=\
\x22M17 14h4m-2-2l2\
 2-2 2\x22/></svg>\x0a\
\
\x00\x00\x00\xf8\
<\
svg xmlns=\x22http:\
//www.w3.org/200\
0/svg\x22 width=\x2224\
\x22 height=\x2224\x22 vi\
ewBox=\x220 0 24 24\
\x22 fill=\x22none\x22 st\
roke=\x22#37474f\x22 s\
troke-width=\x222\x22 \
stroke-linecap=\x22\
round\x22 stroke-li\
nejoin=\x22round\x22><\
circle cx=\x2210.5\x22\
 cy=\x2210.5\x22 r=\x226.\
5\x22/><path d=\x22M15\
.5 15.5L21 21\x22/>\
</svg>\x0a\
\x00\x00\x01i\
<\
svg xmlns=\x22http:\
//www.w3.org/200\
0/svg\x22 width=\x2224\
\x22 height=\x2224\x22 vi\
ewBox=\x220 0 24 24\
\x22 fill=\x22none\x22 st\
roke-width=\x223\x22 s\
troke-linecap=\x22b\
utt\x22><path d=\x22M4\
 6h10\x22 stroke=\x22#\
2e7d32\x22/><path d\
=\x22M14 6h6\x22 strok\
e=\x22#c0392b\x22/><pa\
th d=\x22M4 12h14\x22 \
stroke=\x22#2e7d32\x22\
/><path d=\x22M18 1\
2h2\x22 stroke=\x22#e0\
a030\x22/><path d=\x22\
M4 18h6\x22 stroke=\
\x22#2e7d32\x22/><path\
 d=\x22M10 18h10\x22 s\
troke=\x22#c0392b\x22/\
></svg>\x0a\
\x00\x00\x00\xf1\
<\
svg xmlns=\x22http:\
//www.w3.org/200\
0/svg\x22 width=\x2224\
\x22 height=\x2224\x22 vi\
ewBox=\x220 0 24 24\
\x22 fill=\x22none\x22 st\
roke=\x22#37474f\x22 s\
troke-width=\x222\x22 \
stroke-linecap=\x22\
round\x22 stroke-li\
nejoin=\x22round\x22><\
path d=\x22M12 3v12\
m-5-5l5 5 5-5\x22/>\
<path d=\x22M4 17v3\
h16v-3\x22/></svg>\x0a\
\
\x00\x00\x00\xfd\
<\
svg xmlns=\x22http:\
//www.w3.org/200\
0/svg\x22 width=\x2224\
\x22 height=\x2224\x22 vi\
ewBox=\x220 0 24 24\
\x22 fill=\x22none\x22 st\
roke=\x22#2e7d32\x22 s\
troke-width=\x222\x22 \
stroke-linecap=\x22\
round\x22 stroke-li\
nejoin=\x22round\x22><\
path d=\x22M2.5 12.\
5l4.5 4.5L16 7\x22/\
><path d=\x22M9.5 1\
5.5l1.5 1.5L21.5\
 7\x22/></svg>\x0a\
"

qt_resource_name = b"\
\x00\x05\
\x00o\xa6S\
\x00i\
\x00c\x00o\x00n\x00s\
\x00\x0b\
\x0b\xb0\xc9\xa3\
\x00c\
\x00u\x00r\x00a\x00t\x00o\x00r\x00.\x00q\x00s\x00s\
\x00\x08\
\x04\xb2UG\
\x00u\
\x00n\x00d\x00o\x00.\x00s\x00v\x00g\
\x00\x0a\
\x0b\xa8B\xc7\
\x00r\
\x00e\x00j\x00e\x00c\x00t\x00.\x00s\x00v\x00g\
\x00\x08\
\x02\x03U\x87\
\x00s\
\x00k\x00i\x00p\x00.\x00s\x00v\x00g\
\x00\x08\
\x0b\xb2U\xc7\
\x00r\
\x00e\x00d\x00o\x00.\x00s\x00v\x00g\
\x00\x08\
\x0c3W\x07\
\x00h\
\x00e\x00l\x00p\x00.\x00s\x00v\x00g\
\x00\x0a\
\x06\x9a\xc4'\
\x00e\
\x00x\x00p\x00o\x00r\x00t\x00.\x00s\x00v\x00g\
\x00\x0c\
\x02X\xe7\xc7\
\x00p\
\x00r\x00o\x00g\x00r\x00e\x00s\x00s\x00.\x00s\x00v\x00g\
\x00\x0c\
\x087\xc0\xc7\
\x00p\
\x00r\x00e\x00v\x00i\x00o\x00u\x00s\x00.\x00s\x00v\x00g\
\x00\x08\
\x06HW\xa7\
\x00d\
\x00o\x00n\x00e\x00.\x00s\x00v\x00g\
\x00\x0a\
\x0c{\xa9\xe7\
\x00a\
\x00c\x00c\x00e\x00p\x00t\x00.\x00s\x00v\x00g\
\x00\x0a\
\x0c\xaa\xf7\xc7\
\x00f\
\x00o\x00r\x00e\x00s\x00t\x00.\x00s\x00v\x00g\
\x00\x08\
\x0c\xf7TG\
\x00n\
\x00e\x00x\x00t\x00.\x00s\x00v\x00g\
\x00\x0b\
\x0bs\x89\xc7\
\x00c\
\x00o\x00r\x00r\x00e\x00c\x00t\x00.\x00s\x00v\x00g\
\x00\x07\
\x08sZ\x07\
\x00a\
\x00p\x00p\x00.\x00s\x00v\x00g\
\x00\x08\
\x08\x18U\x87\
\x00t\
\x00a\x00k\x00e\x00.\x00s\x00v\x00g\
\x00\x0a\
\x08\x94m\xc7\
\x00s\
\x00e\x00a\x00r\x00c\x00h\x00.\x00s\x00v\x00g\
\x00\x09\
\x02\xc6\xa9G\
\x00r\
\x00u\x00l\x00e\x00s\x00.\x00s\x00v\x00g\
\x00\x0a\
\x06\x99R'\
\x00i\
\x00m\x00p\x00o\x00r\x00t\x00.\x00s\x00v\x00g\
\x00\x0e\
\x07\x17\xb7\x87\
\x00a\
\x00c\x00c\x00e\x00p\x00t\x00_\x00a\x00l\x00l\x00.\x00s\x00v\x00g\
"

qt_resource_struct = b"\
\x00\x00\x00\x00\x00\x02\x00\x00\x00\x02\x00\x00\x00\x01\
\x00\x00\x00\x00\x00\x02\x00\x00\x00\x13\x00\x00\x00\x03\
\x00\x00\x00\x10\x00\x00\x00\x00\x00\x01\x00\x00\x00\x00\
\x00\x00\x00\x5c\x00\x00\x00\x00\x00\x01\x00\x00\x0a\x96\
\x00\x00\x00\xb8\x00\x00\x00\x00\x00\x01\x00\x00\x0e\x9c\
\x00\x00\x01\xb4\x00\x00\x00\x00\x00\x01\x00\x00\x1a\x17\
\x00\x00\x00,\x00\x00\x00\x00\x00\x01\x00\x00\x08\xc4\
\x00\x00\x00\xf4\x00\x00\x00\x00\x00\x01\x00\x00\x10|\
\x00\x00\x01\xcc\x00\x00\x00\x00\x00\x01\x00\x00\x1b\x84\
\x00\x00\x00\x9e\x00\x00\x00\x00\x00\x01\x00\x00\x0d\xa7\
\x00\x00\x01\xe6\x00\x00\x00\x00\x00\x01\x00\x00\x1cy\
\x00\x00\x01\x84\x00\x00\x00\x00\x00\x01\x00\x00\x17\xe6\
\x00\x00\x00\xd6\x00\x00\x00\x00\x00\x01\x00\x00\x0f\xa8\
\x00\x00\x01p\x00\x00\x00\x00\x00\x01\x00\x00\x15\xac\
\x00\x00\x01\x9a\x00\x00\x00\x00\x00\x01\x00\x00\x19\x1b\
\x00\x00\x01T\x00\x00\x00\x00\x00\x01\x00\x00\x14\xb5\
\x00\x00\x00B\x00\x00\x00\x00\x00\x01\x00\x00\x09\xbb\
\x00\x00\x00r\x00\x00\x00\x00\x00\x01\x00\x00\x0b\x84\
\x00\x00\x00\x88\x00\x00\x00\x00\x00\x01\x00\x00\x0c|\
\x00\x00\x01\x0a\x00\x00\x00\x00\x00\x01\x00\x00\x11u\
\x00\x00\x01$\x00\x00\x00\x00\x00\x01\x00\x00\x12N\
\x00\x00\x01>\x00\x00\x00\x00\x00\x01\x00\x00\x13\xe2\
"

def qInitResources():
    QtCore.qRegisterResourceData(0x01, qt_resource_struct, qt_resource_name, qt_resource_data)

def qCleanupResources():
    QtCore.qUnregisterResourceData(0x01, qt_resource_struct, qt_resource_name, qt_resource_data)

qInitResources()
