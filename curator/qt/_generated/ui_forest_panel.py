# mypy: ignore-errors
# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'forest_panel.ui'
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
from PySide6.QtWidgets import (QApplication, QLabel, QSizePolicy, QVBoxLayout,
    QWidget)

from pyqtgraph import GraphicsLayoutWidget

class Ui_ForestPanel(object):
    def setupUi(self, ForestPanel):
        if not ForestPanel.objectName():
            ForestPanel.setObjectName(u"ForestPanel")
        ForestPanel.resize(1000, 700)
        self.layout = QVBoxLayout(ForestPanel)
        self.layout.setSpacing(4)
        self.layout.setObjectName(u"layout")
        self.layout.setContentsMargins(2, 2, 2, 4)
        self.graphics = GraphicsLayoutWidget(ForestPanel)
        self.graphics.setObjectName(u"graphics")

        self.layout.addWidget(self.graphics)

        self.notes = QLabel(ForestPanel)
        self.notes.setObjectName(u"notes")
        self.notes.setWordWrap(True)
        self.notes.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.layout.addWidget(self.notes)


        self.retranslateUi(ForestPanel)

        QMetaObject.connectSlotsByName(ForestPanel)
    # setupUi

    def retranslateUi(self, ForestPanel):
#if QT_CONFIG(accessibility)
        ForestPanel.setAccessibleName(QCoreApplication.translate("ForestPanel", u"Forest plot", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.graphics.setAccessibleName(QCoreApplication.translate("ForestPanel", u"Forest plot of ratio estimates and paired proportions", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.notes.setAccessibleName(QCoreApplication.translate("ForestPanel", u"Outcome rows not drawn", None))
#endif // QT_CONFIG(accessibility)
        self.notes.setText("")
    # retranslateUi

