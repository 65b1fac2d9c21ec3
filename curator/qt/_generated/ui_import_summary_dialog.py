# mypy: ignore-errors
# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'import_summary_dialog.ui'
##
## Created by: Qt User Interface Compiler version 6.11.3
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import (QCoreApplication, QDate, QDateTime, QLocale,
    QMetaObject, QObject, QPoint, QRect,
    QSize, QTime, QUrl, Qt)
from PySide6.QtGui import (QBrush, QColor, QConicalGradient, QCursor,
    QFont, QFontDatabase, QGradient, QIcon,
    QImage, QKeySequence, QLinearGradient, QPainter,
    QPalette, QPixmap, QRadialGradient, QTransform)
from PySide6.QtWidgets import (QAbstractButton, QApplication, QDialog, QDialogButtonBox,
    QLabel, QPlainTextEdit, QSizePolicy, QVBoxLayout,
    QWidget)

class Ui_ImportSummaryDialog(object):
    def setupUi(self, ImportSummaryDialog):
        if not ImportSummaryDialog.objectName():
            ImportSummaryDialog.setObjectName(u"ImportSummaryDialog")
        ImportSummaryDialog.resize(820, 400)
        self.layout = QVBoxLayout(ImportSummaryDialog)
        self.layout.setObjectName(u"layout")
        self.headline = QLabel(ImportSummaryDialog)
        self.headline.setObjectName(u"headline")
        self.headline.setWordWrap(True)

        self.layout.addWidget(self.headline)

        self.details = QPlainTextEdit(ImportSummaryDialog)
        self.details.setObjectName(u"details")
        self.details.setReadOnly(True)
        self.details.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)

        self.layout.addWidget(self.details)

        self.buttons = QDialogButtonBox(ImportSummaryDialog)
        self.buttons.setObjectName(u"buttons")
        self.buttons.setStandardButtons(QDialogButtonBox.StandardButton.Close)

        self.layout.addWidget(self.buttons)


        self.retranslateUi(ImportSummaryDialog)
        self.buttons.rejected.connect(ImportSummaryDialog.reject)

        QMetaObject.connectSlotsByName(ImportSummaryDialog)
    # setupUi

    def retranslateUi(self, ImportSummaryDialog):
        ImportSummaryDialog.setWindowTitle(QCoreApplication.translate("ImportSummaryDialog", u"Import summary", None))
        self.headline.setText(QCoreApplication.translate("ImportSummaryDialog", u"Imported", None))
#if QT_CONFIG(accessibility)
        self.details.setAccessibleName(QCoreApplication.translate("ImportSummaryDialog", u"Import details, one line per file", None))
#endif // QT_CONFIG(accessibility)
    # retranslateUi

